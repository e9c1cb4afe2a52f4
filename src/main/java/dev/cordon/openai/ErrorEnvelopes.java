package dev.cordon.openai;

import dev.cordon.pipeline.GatewayError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapping from {@link GatewayError} to HTTP status and the OpenAI error envelope
 * {@code {"error":{"message","type","param","code"}}}. Official SDKs pick their exception class by
 * status, so statuses follow OpenAI's API.
 */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {}

    public static int status(GatewayError error) {
        if (error instanceof GatewayError.InvalidRequest) {
            return 400;
        } else if (error instanceof GatewayError.Unauthenticated) {
            return 401;
        } else if (error instanceof GatewayError.PermissionDenied) {
            return 403;
        } else if (error instanceof GatewayError.NotFound) {
            return 404;
        } else if (error instanceof GatewayError.MethodNotAllowed) {
            return 405;
        } else if (error instanceof GatewayError.Conflict) {
            return 409;
        } else if (error instanceof GatewayError.PayloadTooLarge) {
            return 413;
        } else if (error instanceof GatewayError.RateLimited) {
            return 429;
        } else if (error instanceof GatewayError.UpstreamFailure) {
            return 502;
        } else if (error instanceof GatewayError.Unavailable) {
            return 503;
        } else if (error instanceof GatewayError.UpstreamTimeout) {
            return 504;
        }
        return 500;
    }

    static String type(GatewayError error) {
        int status = status(error);
        if (status == 401) {
            return "authentication_error";
        } else if (status == 403) {
            return "permission_error";
        } else if (status == 429) {
            return "rate_limit_error";
        } else if (status >= 500) {
            return "server_error";
        }
        return "invalid_request_error";
    }

    /** The envelope as a map ready for JSON serialisation. */
    public static Map<String, Object> envelope(GatewayError error) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", error.message());
        inner.put("type", type(error));
        inner.put("param", param(error));
        inner.put("code", error.code());
        return Map.of("error", inner);
    }

    private static String param(GatewayError error) {
        if (error instanceof GatewayError.InvalidRequest invalid) {
            return invalid.param();
        }
        if (error instanceof GatewayError.NotFound notFound) {
            return notFound.param();
        }
        return null;
    }
}
