package dev.cordon.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Brings continuations back to the request's Vert.x context after work on other threads, so later
 * stages (audit, reactive database access) run where they must.
 */
public final class ContextExecutors {

    private ContextExecutors() {}

    /** An executor for the calling thread's Vert.x context, or a direct executor outside one. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        // Quarkus propagates the context to worker threads too, so "same context" alone does not
        // mean "on its event loop": check the thread as well.
        return task -> {
            if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(v -> task.run());
            }
        };
    }
}
