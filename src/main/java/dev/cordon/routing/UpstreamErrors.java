package dev.cordon.routing;

import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.langchain4j.exception.HttpException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Classifies provider failures into gateway errors. Upstream response bodies are never copied into
 * messages: a provider may echo the prompt, and the prompt may hold PHI.
 */
final class UpstreamErrors {

    private static final Logger LOGGER = Logger.getLogger(UpstreamErrors.class);

    private UpstreamErrors() {}

    static GatewayError classify(Throwable failure, ModelRoute route, String requestId) {
        int status = -1;
        boolean timeout = false;
        boolean connect = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                status = http.statusCode();
            } else if (t instanceof WebApplicationException web && web.getResponse() != null) {
                status = web.getResponse().getStatus();
            }
            timeout |= t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout");
            connect |= t instanceof ConnectException;
        }
        LOGGER.warnf("upstream call failed: request_id=%s model=%s provider=%s status=%d error=%s",
                requestId, route.alias(), route.providerId(), status, SafeThrowables.describe(failure));
        return toError(status, timeout, connect, route);
    }

    private static GatewayError toError(int status, boolean timeout, boolean connect, ModelRoute route) {
        String provider = " (provider '" + route.providerId() + "')";
        if (timeout && status < 0) {
            return new GatewayError.UpstreamTimeout("The model provider did not answer within " + route.timeout().toSeconds() + " s" + provider + ".", "upstream_timeout");
        }
        if (status == 429) {
            return new GatewayError.RateLimited("The model provider is rate limiting requests" + provider + "; retry later.", "upstream_rate_limited");
        }
        if (status == 400 || status == 422) {
            return new GatewayError.InvalidRequest("The model provider rejected the request as invalid" + provider + ".", null, "upstream_invalid_request");
        }
        if (connect) {
            return new GatewayError.UpstreamFailure("The model provider could not be reached" + provider + ".", "upstream_unreachable");
        }
        return new GatewayError.UpstreamFailure("The model provider failed"
                + (status > 0 ? " with HTTP " + status : "") + provider + ".", "upstream_error");
    }
}
