package dev.cordon.routing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Brings continuations back to the request's Vert.x context after work on other threads, so later
 * stages (audit, reactive database access) run where they must.
 */
final class ContextExecutor {

    private ContextExecutor() {}

    /** An executor for the calling thread's Vert.x context, or a direct executor outside one. */
    static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(v -> task.run());
            }
        };
    }
}
