package dev.cordon.routing;

import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.langchain4j.exception.HttpException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        Signals s = Signals.of(failure);
        LOGGER.warnf("upstream call failed: request_id=%s model=%s provider=%s status=%d error=%s",
                requestId, route.alias(), route.providerId(), s.status(), SafeThrowables.describe(failure));
        return toError(s.status(), s.timeout(), s.connect(), route);
    }

    /**
     * Whether another provider may be tried: a timeout, a 5xx or 429, a refused or reset connection
     * (any I/O failure without an HTTP status). A 4xx other than 429 is the request's fault and a
     * non-I/O exception is a bug; neither would go better elsewhere.
     */
    static boolean retryable(Throwable failure) {
        Signals s = Signals.of(failure);
        return s.timeout() || s.connect() || s.status() >= 500 || s.status() == 429 || (s.status() < 0 && s.io());
    }

    /** What a failure's cause chain says about the upstream call. */
    private record Signals(int status, boolean timeout, boolean connect, boolean io) {
        static Signals of(Throwable failure) {
            int status = -1;
            boolean timeout = false;
            boolean connect = false;
            boolean io = false;
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof HttpException http) {
                    status = http.statusCode();
                } else if (t instanceof WebApplicationException web && web.getResponse() != null) {
                    status = web.getResponse().getStatus();
                }
                timeout |= t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                        || t.getClass().getSimpleName().contains("Timeout");
                connect |= t instanceof ConnectException;
                io |= t instanceof IOException || t instanceof UncheckedIOException
                        || t instanceof dev.langchain4j.exception.RetriableException;
            }
            return new Signals(status, timeout, connect, io);
        }
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
