package dev.cordon.routing;

import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.StageFailure;
import dev.cordon.pipeline.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Calls the requested alias and, when its provider fails in a way another provider might not
 * (see {@link UpstreamErrors#retryable}), its configured fallbacks in order. Every call is
 * recorded in {@link RouteAttempts}; the last failure becomes the caller's error (504 timeout,
 * 502 upstream error, 429). A stream falls back only until its first event was passed on to the
 * caller; after that a failure ends the stream with an error event. Stateless and thread-safe.
 */
@ApplicationScoped
class UpstreamCalls {

    private static final Logger LOGGER = Logger.getLogger(UpstreamCalls.class);
    private static final Duration TIMEOUT_GRACE = Duration.ofMillis(500);

    private final ModelCatalog catalog;

    UpstreamCalls(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The requested route followed by its fallbacks. Re-checks the start-up eligibility rule
     * ({@link ModelRoute#mayFallBackTo}) as defence in depth: an ineligible one is skipped, never called.
     */
    List<ModelRoute> chain(ModelRoute primary) {
        List<ModelRoute> out = new ArrayList<>(List.of(primary));
        for (String alias : primary.fallbacks()) {
            catalog.find(alias).filter(primary::mayFallBackTo).ifPresentOrElse(out::add, () -> LOGGER.errorf(
                    "fallback skipped as ineligible: model=%s fallback=%s", primary.alias(), alias));
        }
        return out;
    }

    /**
     * One call per route until one answers, each bounded by its route's timeout. {@code call}
     * starts the call of one route: non-blocking clients on the caller's context, blocking ones
     * moved to the worker pool by the caller (see {@link RouteStage}).
     */
    <T> Uni<T> call(List<ModelRoute> chain, Function<ModelRoute, Uni<T>> call, RouteAttempts attempts, String requestId) {
        return call(chain, 0, call, attempts, requestId);
    }

    private <T> Uni<T> call(List<ModelRoute> chain, int index, Function<ModelRoute, Uni<T>> call, RouteAttempts attempts, String requestId) {
        ModelRoute route = chain.get(index);
        return Uni.createFrom().deferred(() -> call.apply(route))
                .ifNoItem().after(route.timeout().plus(TIMEOUT_GRACE)).failWith(TimeoutException::new)
                .invoke(() -> attempts.add(route, RouteAttempts.OK))
                .onFailure().recoverWithUni(t -> {
                    GatewayError error = record(t, route, attempts, requestId);
                    return retry(t, index + 1 < chain.size(), route, requestId)
                            ? call(chain, index + 1, call, attempts, requestId)
                            : Uni.createFrom().failure(new StageFailure(error));
                });
    }

    /** A streamed call per route; {@code open} starts the upstream stream of one route. */
    Multi<StreamEvent> stream(List<ModelRoute> chain, Function<ModelRoute, Multi<StreamEvent>> open, RouteAttempts attempts, String requestId) {
        return stream(chain, 0, open, attempts, requestId);
    }

    private Multi<StreamEvent> stream(List<ModelRoute> chain, int index, Function<ModelRoute, Multi<StreamEvent>> open,
                                      RouteAttempts attempts, String requestId) {
        ModelRoute route = chain.get(index);
        AtomicBoolean passedOn = new AtomicBoolean();
        return Multi.createFrom().deferred(() -> open.apply(route))
                .onItem().invoke(event -> passedOn.set(true))
                .onCompletion().invoke(() -> attempts.add(route, RouteAttempts.OK))
                .onFailure().recoverWithMulti(t -> {
                    GatewayError error = record(t, route, attempts, requestId);
                    return retry(t, !passedOn.get() && index + 1 < chain.size(), route, requestId)
                            ? stream(chain, index + 1, open, attempts, requestId)
                            : Multi.createFrom().failure(new StageFailure(error));
                });
    }

    /** Records a failed call and returns the error the caller gets if no other route answers. */
    private static GatewayError record(Throwable t, ModelRoute route, RouteAttempts attempts, String requestId) {
        GatewayError error = t instanceof StageFailure sf ? sf.error() : UpstreamErrors.classify(t, route, requestId);
        attempts.add(route, error.code());
        return error;
    }

    /** Whether to try the next route: there is one, and the failure was the provider's, not the request's. */
    private static boolean retry(Throwable t, boolean another, ModelRoute route, String requestId) {
        boolean retry = another && !(t instanceof StageFailure) && UpstreamErrors.retryable(t);
        if (retry) {
            LOGGER.warnf("falling back to the next provider: request_id=%s model=%s provider=%s", requestId, route.alias(), route.providerId());
        }
        return retry;
    }
}
