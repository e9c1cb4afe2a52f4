package dev.cordon.pipeline;

/**
 * What a stage decided about a request. Stages return an outcome; they never call the next stage,
 * so the order lives only in {@link Pipeline}.
 */
public sealed interface StageOutcome {

    /** Go on with the next stage. */
    record Continue() implements StageOutcome {}

    /** Stop here and answer with this reply; stages already passed still see it on the way out. */
    record Respond(Reply reply) implements StageOutcome {}

    /** Stop here and refuse the request. */
    record Reject(GatewayError error) implements StageOutcome {}

    StageOutcome CONTINUE = new Continue();

    static StageOutcome respond(Reply reply) {
        return new Respond(reply);
    }

    static StageOutcome reject(GatewayError error) {
        return new Reject(error);
    }
}
