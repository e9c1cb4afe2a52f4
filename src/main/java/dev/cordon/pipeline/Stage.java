package dev.cordon.pipeline;

import io.smallrye.mutiny.Uni;

/**
 * One step of the request path.
 *
 * <p>Lifecycle: stages are application-scoped singletons created once; they must keep no
 * per-request state in fields — per-request state lives in the {@link Exchange}. Threading: methods
 * are called on a Vert.x event-loop thread and must not block; blocking work is offloaded by the
 * stage itself. A stage may throw or fail its {@code Uni}: the runner turns that into a 500
 * rejection (fail closed), so a failing stage can never let a request through.
 */
public interface Stage {

    /** Short stable name for logs and metrics. */
    String name();

    /** Decides about the request on its way in. */
    Uni<StageOutcome> onRequest(Exchange exchange);

    /**
     * Sees the reply on its way out (only for stages whose {@link #onRequest} returned
     * {@code Continue}, in reverse order). The default passes the reply through unchanged.
     */
    default Uni<Reply> onResponse(Exchange exchange, Reply reply) {
        return Uni.createFrom().item(reply);
    }
}
