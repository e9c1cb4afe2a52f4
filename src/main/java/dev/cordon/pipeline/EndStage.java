package dev.cordon.pipeline;

import io.smallrye.mutiny.Uni;

/**
 * Runs on every ending path of every request (the audit slot).
 *
 * <p>For a non-streamed answer the runner waits for the returned {@code Uni} before anything is
 * written to the caller; if it fails, the caller gets a 503 instead of the answer (fail closed).
 * For a stream it runs when the stream terminates, before the final {@code [DONE]}.
 * Threading and lifecycle as for {@link Stage}.
 */
public interface EndStage {

    Uni<Void> onEnd(Exchange exchange, Ending ending);

    /**
     * Runs before the first byte of a streamed answer is sent; if it fails the caller gets a 503
     * and nothing of the stream. The provider call runs concurrently (its events are held until
     * this completes) and is cancelled on failure. The default does nothing.
     */
    default Uni<Void> onStreamStart(Exchange exchange) {
        return Uni.createFrom().voidItem();
    }
}
