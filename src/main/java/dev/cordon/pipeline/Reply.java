package dev.cordon.pipeline;

import io.smallrye.mutiny.Multi;
import java.util.List;

/**
 * The gateway's answer before it is put on the wire; {@code dev.cordon.openai} renders it.
 * Structured (not raw JSON) so later stages can restore PHI tokens in content and tool arguments.
 */
public sealed interface Reply {

    /** A complete chat completion. */
    record Chat(ChatResult result) implements Reply {}

    /** A streamed chat completion; the stream ends with a {@link StreamEvent.Finish}. */
    record ChatStream(Multi<StreamEvent> events) implements Reply {}

    /** Embedding vectors in input order. */
    record Embeddings(List<float[]> vectors, Usage usage) implements Reply {}

    /** A finished JSON body (model listings and other non-generative answers). */
    record Json(Object body) implements Reply {}

    /** Token usage reported by the provider; zeros when the provider reported none. */
    record Usage(int promptTokens, int completionTokens) {
        public static final Usage NONE = new Usage(0, 0);

        public int totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    /** A tool call the model asked for. {@code arguments} is the JSON text the model produced. */
    record ToolCall(String id, String name, String arguments) {}

    /** Non-streamed chat answer. {@code content} may be null when only tool calls were produced. */
    record ChatResult(String content, List<ToolCall> toolCalls, String finishReason, Usage usage) {}
}
