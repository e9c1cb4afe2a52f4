package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.pipeline.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a chat completion body into a {@link ChatCompletionRequest}, rejecting what the gateway
 * cannot honour faithfully with a 400 that names the parameter. Stateless and thread-safe.
 */
final class ChatRequestParser {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final int MAX_MESSAGES = 2048;
    private static final int MAX_TOOLS = 128;

    private ChatRequestParser() {}

    static ChatCompletionRequest parse(JsonNode body) {
        String model = Fields.requiredString(body, "model", "model");
        checkUnsupported(body);
        JsonNode streamOptions = Fields.optionalObject(body, "stream_options", "stream_options");
        boolean stream = Boolean.TRUE.equals(Fields.optionalBoolean(body, "stream", "stream"));
        boolean includeUsage = streamOptions != null
                && Boolean.TRUE.equals(Fields.optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage"));
        return new ChatCompletionRequest(model, messages(body.get("messages")), stream, includeUsage,
                Fields.optionalNumber(body, "temperature", 0, 2),
                Fields.optionalNumber(body, "top_p", 0, 1),
                Fields.optionalInt(body, "max_tokens", 1, Integer.MAX_VALUE),
                Fields.optionalInt(body, "max_completion_tokens", 1, Integer.MAX_VALUE),
                Fields.stringOrStrings(body.get("stop"), "stop", 4),
                Fields.optionalNumber(body, "presence_penalty", -2, 2),
                Fields.optionalNumber(body, "frequency_penalty", -2, 2),
                Fields.optionalInt(body, "seed", Integer.MIN_VALUE, Integer.MAX_VALUE),
                tools(body.get("tools")),
                toolChoice(body.get("tool_choice")),
                responseFormat(Fields.optionalObject(body, "response_format", "response_format")),
                Fields.optionalBoolean(body, "parallel_tool_calls", "parallel_tool_calls"),
                Fields.optionalString(body, "user", "user"),
                Fields.stringMap(body, "metadata"));
    }

    /** Parameters whose silent dropping would change the answer the caller expects. */
    private static void checkUnsupported(JsonNode body) {
        Integer n = Fields.optionalInt(body, "n", 1, 128);
        if (n != null && n != 1) {
            throw RequestProblem.value("n", "only n=1 is supported by this gateway.");
        }
        if (body.hasNonNull("functions") || body.hasNonNull("function_call")) {
            throw new RequestProblem("functions", "The deprecated 'functions' parameters are not supported; use 'tools'.", "unsupported_parameter");
        }
    }

    private static List<ChatCompletionRequest.Message> messages(JsonNode node) {
        if (node == null || node.isNull()) {
            throw RequestProblem.missing("messages");
        }
        if (!node.isArray()) {
            throw RequestProblem.type("messages", "an array");
        }
        if (node.isEmpty()) {
            throw RequestProblem.value("messages", "at least one message is required.");
        }
        if (node.size() > MAX_MESSAGES) {
            throw RequestProblem.value("messages", "at most " + MAX_MESSAGES + " messages are allowed.");
        }
        List<ChatCompletionRequest.Message> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(message(node.get(i), "messages[" + i + "]"));
        }
        return out;
    }

    private static ChatCompletionRequest.Message message(JsonNode node, String path) {
        if (!node.isObject()) {
            throw RequestProblem.type(path, "an object");
        }
        String role = Fields.requiredString(node, "role", path + ".role");
        if (!ROLES.contains(role)) {
            throw RequestProblem.value(path + ".role", "must be one of system, developer, user, assistant, tool.");
        }
        List<Reply.ToolCall> toolCalls = "assistant".equals(role) ? toolCalls(node.get("tool_calls"), path + ".tool_calls") : List.of();
        List<ChatCompletionRequest.Part> parts = MessageContent.parts(node.get("content"), path + ".content", role);
        if (parts.isEmpty() && toolCalls.isEmpty()) {
            throw RequestProblem.missing(path + ".content");
        }
        String toolCallId = "tool".equals(role) ? Fields.requiredString(node, "tool_call_id", path + ".tool_call_id") : null;
        return new ChatCompletionRequest.Message(role, parts, Fields.optionalString(node, "name", path + ".name"), toolCalls, toolCallId);
    }

    private static List<Reply.ToolCall> toolCalls(JsonNode node, String path) {
        List<Reply.ToolCall> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw RequestProblem.type(path, "an array");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode call = node.get(i);
            if (!call.isObject()) {
                throw RequestProblem.type(at, "an object");
            }
            JsonNode function = Fields.optionalObject(call, "function", at + ".function");
            if (function == null) {
                throw RequestProblem.missing(at + ".function");
            }
            out.add(new Reply.ToolCall(Fields.requiredString(call, "id", at + ".id"),
                    Fields.requiredString(function, "name", at + ".function.name"),
                    Fields.requiredString(function, "arguments", at + ".function.arguments")));
        }
        return out;
    }

    private static List<ChatCompletionRequest.Tool> tools(JsonNode node) {
        List<ChatCompletionRequest.Tool> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw RequestProblem.type("tools", "an array");
        }
        if (node.size() > MAX_TOOLS) {
            throw RequestProblem.value("tools", "at most " + MAX_TOOLS + " tools are allowed.");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(tool(node.get(i), "tools[" + i + "]"));
        }
        return out;
    }

    private static ChatCompletionRequest.Tool tool(JsonNode node, String path) {
        if (!node.isObject()) {
            throw RequestProblem.type(path, "an object");
        }
        String type = Fields.requiredString(node, "type", path + ".type");
        if (!"function".equals(type)) {
            throw RequestProblem.value(path + ".type", "only 'function' tools are supported.");
        }
        JsonNode function = Fields.optionalObject(node, "function", path + ".function");
        if (function == null) {
            throw RequestProblem.missing(path + ".function");
        }
        return new ChatCompletionRequest.Tool(
                Fields.requiredString(function, "name", path + ".function.name"),
                Fields.optionalString(function, "description", path + ".function.description"),
                Fields.optionalObject(function, "parameters", path + ".function.parameters"),
                Fields.optionalBoolean(function, "strict", path + ".function.strict"));
    }

    private static ChatCompletionRequest.ToolChoice toolChoice(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String mode = node.textValue();
            if (!Set.of("none", "auto", "required").contains(mode)) {
                throw RequestProblem.value("tool_choice", "must be none, auto, required or a function choice.");
            }
            return new ChatCompletionRequest.ToolChoice(mode, null);
        }
        if (!node.isObject()) {
            throw RequestProblem.type("tool_choice", "a string or an object");
        }
        JsonNode function = Fields.optionalObject(node, "function", "tool_choice.function");
        if (function == null) {
            throw RequestProblem.missing("tool_choice.function");
        }
        return new ChatCompletionRequest.ToolChoice("function", Fields.requiredString(function, "name", "tool_choice.function.name"));
    }

    private static ChatCompletionRequest.ResponseFormat responseFormat(JsonNode node) {
        if (node == null) {
            return null;
        }
        String type = Fields.requiredString(node, "type", "response_format.type");
        switch (type) {
            case "text", "json_object" -> {
                return new ChatCompletionRequest.ResponseFormat(type, null, null, null);
            }
            case "json_schema" -> {
                JsonNode spec = Fields.optionalObject(node, "json_schema", "response_format.json_schema");
                if (spec == null) {
                    throw RequestProblem.missing("response_format.json_schema");
                }
                return new ChatCompletionRequest.ResponseFormat(type,
                        Fields.requiredString(spec, "name", "response_format.json_schema.name"),
                        Fields.optionalObject(spec, "schema", "response_format.json_schema.schema"),
                        Fields.optionalBoolean(spec, "strict", "response_format.json_schema.strict"));
            }
            default -> throw RequestProblem.value("response_format.type", "must be text, json_object or json_schema.");
        }
    }
}
