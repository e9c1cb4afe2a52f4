package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.pipeline.Reply;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /v1/chat/completions} body. Optional numeric parameters are null when the
 * caller did not send them, so the provider's defaults apply. Immutable.
 */
public record ChatCompletionRequest(
        String model,
        List<Message> messages,
        boolean stream,
        boolean includeUsage,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        List<String> stop,
        Double presencePenalty,
        Double frequencyPenalty,
        Integer seed,
        List<Tool> tools,
        ToolChoice toolChoice,
        ResponseFormat responseFormat,
        Boolean parallelToolCalls,
        String user,
        Map<String, String> metadata) {

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
        tools = List.copyOf(tools);
        metadata = Map.copyOf(metadata);
    }

    /** The same request with other messages (the PHI stage uses this to send redacted text). */
    public ChatCompletionRequest withMessages(List<Message> replaced) {
        return new ChatCompletionRequest(model, replaced, stream, includeUsage, temperature, topP, maxTokens,
                maxCompletionTokens, stop, presencePenalty, frequencyPenalty, seed, tools, toolChoice,
                responseFormat, parallelToolCalls, user, metadata);
    }

    /** One message. {@code parts} is empty for an assistant message with only tool calls. */
    public record Message(String role, List<Part> parts, String name, List<Reply.ToolCall> toolCalls, String toolCallId) {
        public Message {
            parts = List.copyOf(parts);
            toolCalls = List.copyOf(toolCalls);
        }

        /** The text parts joined, for roles whose content is plain text. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Part part : parts) {
                if (part.text() != null) {
                    sb.append(part.text());
                }
            }
            return sb.toString();
        }
    }

    /** A content part: text, or an image by URL ({@code text} null then). */
    public record Part(String text, String imageUrl, String imageDetail) {
        public static Part text(String text) {
            return new Part(text, null, null);
        }
    }

    /** A function the model may call; {@code parameters} is the caller's JSON schema or null. */
    public record Tool(String name, String description, JsonNode parameters, Boolean strict) {}

    /** {@code mode} is none, auto, required or function (then {@code functionName} is set). */
    public record ToolChoice(String mode, String functionName) {}

    /** {@code type} is text, json_object or json_schema (then name and schema are set). */
    public record ResponseFormat(String type, String schemaName, JsonNode schema, Boolean strict) {}
}
