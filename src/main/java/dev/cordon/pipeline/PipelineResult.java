package dev.cordon.pipeline;

/** What the runner hands back to the HTTP layer: a reply to render, or a refusal. */
public sealed interface PipelineResult {

    record Replied(Reply reply) implements PipelineResult {}

    record Refused(GatewayError error) implements PipelineResult {}
}
