package dev.cordon.pipeline;

/**
 * Carries an expected {@link GatewayError} through a reactive stream, where a stage cannot return
 * an outcome any more (e.g. an upstream failing mid-stream). Has no stack trace: it is not a bug.
 */
public final class StageFailure extends RuntimeException {

    private final transient GatewayError error;

    public StageFailure(GatewayError error) {
        super(error.code(), null, false, false);
        this.error = error;
    }

    public GatewayError error() {
        return error;
    }
}
