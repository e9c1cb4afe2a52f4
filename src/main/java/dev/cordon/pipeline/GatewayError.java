package dev.cordon.pipeline;

/**
 * An expected denial: a value, not an exception. Every variant is mapped to an HTTP status and the
 * OpenAI error envelope in exactly one place ({@code dev.cordon.openai.ErrorEnvelopes}).
 *
 * <p>Messages are shown to the caller and written to logs, so they must never contain request
 * content, PHI values or secrets; name parameters and types instead.
 */
public sealed interface GatewayError {

    /** Human-readable explanation, safe to show and log. */
    String message();

    /** Machine-readable code for the envelope's {@code code} field; never null. */
    String code();

    /** 400: the request is malformed or a parameter is invalid. {@code param} may be null. */
    record InvalidRequest(String message, String param, String code) implements GatewayError {
        public static InvalidRequest param(String param, String message) {
            return new InvalidRequest(message, param, "invalid_value");
        }
    }

    /** 401: no, unknown, revoked or malformed credentials. */
    record Unauthenticated(String message, String code) implements GatewayError {}

    /** 403: authenticated, but this caller may not do this. */
    record PermissionDenied(String message, String code) implements GatewayError {}

    /** 404: the model or resource does not exist for this caller. {@code param} may be null. */
    record NotFound(String message, String param, String code) implements GatewayError {}

    /** 405: the route exists but not for this method. */
    record MethodNotAllowed(String message, String code) implements GatewayError {}

    /** 409: the resource is not in a state that allows this action (e.g. approving an expired request). */
    record Conflict(String message, String code) implements GatewayError {}

    /** 413: the body is larger than the configured limit. */
    record PayloadTooLarge(String message, String code) implements GatewayError {}

    /** 429: a limit or the upstream's rate limit was hit. */
    record RateLimited(String message, String code) implements GatewayError {}

    /** 500: a bug or an unexpected failure inside the gateway; details stay in the log. */
    record Internal(String message, String code) implements GatewayError {}

    /** 502: the upstream provider failed or answered with an error. */
    record UpstreamFailure(String message, String code) implements GatewayError {}

    /** 503: a dependency the gateway needs (store, cache, audit) is unavailable; fail closed. */
    record Unavailable(String message, String code) implements GatewayError {}

    /** 504: the upstream provider did not answer within its configured timeout. */
    record UpstreamTimeout(String message, String code) implements GatewayError {}
}
