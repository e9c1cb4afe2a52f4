package dev.cordon.pipeline;

/** One event of a streamed chat completion, before it is rendered as an SSE chunk. */
public sealed interface StreamEvent {

    /** A piece of the assistant's text. */
    record ContentDelta(String text) implements StreamEvent {}

    /**
     * A piece of a tool call; {@code id} and {@code name} are set on the first piece of a call,
     * {@code argumentsDelta} carries the next fragment of the JSON arguments.
     */
    record ToolCallDelta(int index, String id, String name, String argumentsDelta) implements StreamEvent {}

    /** The end of the answer, with the provider's usage. */
    record Finish(String finishReason, Reply.Usage usage) implements StreamEvent {}
}
