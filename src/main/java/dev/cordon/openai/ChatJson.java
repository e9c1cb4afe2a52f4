package dev.cordon.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.StreamEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/** Builds OpenAI response objects (completions, chunks, embeddings). Stateless; thread-safe. */
final class ChatJson {

    private final ObjectMapper mapper;

    ChatJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode completion(String id, long created, String model, Reply.ChatResult result) {
        ObjectNode message = mapper.createObjectNode().put("role", "assistant");
        message.put("content", result.content());
        if (!result.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (Reply.ToolCall call : result.toolCalls()) {
                calls.add(toolCall(call.id(), call.name(), call.arguments()));
            }
        }
        ObjectNode root = header(id, "chat.completion", created, model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", result.finishReason());
        root.set("usage", usage(result.usage()));
        return root;
    }

    /** A chunk for one stream event; {@code first} adds the assistant role as OpenAI does. */
    ObjectNode chunk(String id, long created, String model, StreamEvent event, boolean first) {
        ObjectNode root = header(id, "chat.completion.chunk", created, model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        if (event instanceof StreamEvent.ContentDelta content) {
            delta.put("content", content.text());
            choice.putNull("finish_reason");
        } else if (event instanceof StreamEvent.ToolCallDelta call) {
            ObjectNode node = toolCall(call.id(), call.name(), call.argumentsDelta()).put("index", call.index());
            delta.putArray("tool_calls").add(node);
            choice.putNull("finish_reason");
        } else if (event instanceof StreamEvent.Finish finish) {
            choice.put("finish_reason", finish.finishReason());
        }
        return root;
    }

    /** The extra usage chunk sent when {@code stream_options.include_usage} is true. */
    ObjectNode usageChunk(String id, long created, String model, Reply.Usage usage) {
        ObjectNode root = header(id, "chat.completion.chunk", created, model);
        root.putArray("choices");
        root.set("usage", usage(usage));
        return root;
    }

    ObjectNode embeddings(String model, List<float[]> vectors, Reply.Usage usage, boolean base64) {
        ObjectNode root = mapper.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(vectors.get(i)));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vectors.get(i)) {
                    values.add(v);
                }
            }
        }
        root.put("model", model);
        root.set("usage", mapper.createObjectNode().put("prompt_tokens", usage.promptTokens()).put("total_tokens", usage.totalTokens()));
        return root;
    }

    private ObjectNode header(String id, String object, long created, String model) {
        return mapper.createObjectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private ObjectNode toolCall(String id, String name, String arguments) {
        ObjectNode call = mapper.createObjectNode();
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments == null ? "" : arguments);
        return call;
    }

    private ObjectNode usage(Reply.Usage usage) {
        return mapper.createObjectNode().put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
    }

    /** OpenAI's base64 format: little-endian float32 values. */
    private static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
