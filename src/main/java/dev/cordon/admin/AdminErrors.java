package dev.cordon.admin;

import dev.cordon.openai.ErrorEnvelopes;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Admin API errors use the same OpenAI envelope and status mapping as the model API. */
class AdminErrors {

    private static final Logger LOGGER = Logger.getLogger(AdminErrors.class);

    static Response response(GatewayError error) {
        return Response.status(ErrorEnvelopes.status(error)).type(MediaType.APPLICATION_JSON)
                .entity(ErrorEnvelopes.envelope(error)).build();
    }

    /**
     * {@code call}, with a failure of the store behind it answered as a 503 {@code store_unavailable}
     * carrying {@code message}; the log names {@code operation} and the failure's class, never its text.
     */
    static Uni<Response> storeGuarded(Uni<Response> call, String operation, String message) {
        return call.onFailure().recoverWithItem(t -> {
            LOGGER.errorf("%s failed: %s", operation, SafeThrowables.describe(t));
            return response(new GatewayError.Unavailable(message, "store_unavailable"));
        });
    }

    /** A 400 naming the offending parameter. */
    static Uni<Response> badParam(String param, String message) {
        return Uni.createFrom().item(response(GatewayError.InvalidRequest.param(param, message)));
    }

    @ServerExceptionMapper
    Response webError(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> response(new GatewayError.InvalidRequest("The request body is not valid JSON of the expected shape.", null, "invalid_json"));
            case 404 -> response(new GatewayError.NotFound("Unknown admin URL.", null, "unknown_url"));
            case 405 -> response(new GatewayError.MethodNotAllowed("Method not allowed on this path.", "method_not_allowed"));
            case 413 -> response(new GatewayError.PayloadTooLarge("The request body is too large.", "request_too_large"));
            case 415 -> response(new GatewayError.InvalidRequest("Send the body as application/json.", null, "unsupported_media_type"));
            default -> unexpected(e);
        };
    }

    @ServerExceptionMapper
    Response unexpected(Throwable t) {
        LOGGER.errorf("admin request failed: %s", SafeThrowables.describe(t));
        return response(new GatewayError.Internal("The gateway failed to process the request.", "internal_error"));
    }
}
