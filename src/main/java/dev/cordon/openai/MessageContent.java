package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a message's {@code content}: a string, or an array of text and image parts. */
final class MessageContent {

    private MessageContent() {}

    static List<ChatCompletionRequest.Part> parts(JsonNode node, String path, String role) {
        List<ChatCompletionRequest.Part> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(ChatCompletionRequest.Part.text(node.textValue()));
            return out;
        }
        if (!node.isArray()) {
            throw RequestProblem.type(path, "a string or an array of content parts");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(part(node.get(i), path + "[" + i + "]", role));
        }
        return out;
    }

    private static ChatCompletionRequest.Part part(JsonNode node, String path, String role) {
        if (!node.isObject()) {
            throw RequestProblem.type(path, "an object");
        }
        String type = Fields.requiredString(node, "type", path + ".type");
        if ("text".equals(type)) {
            return ChatCompletionRequest.Part.text(Fields.requiredString(node, "text", path + ".text"));
        }
        if ("image_url".equals(type) && "user".equals(role)) {
            JsonNode image = Fields.optionalObject(node, "image_url", path + ".image_url");
            if (image == null) {
                throw RequestProblem.missing(path + ".image_url");
            }
            return new ChatCompletionRequest.Part(null, Fields.requiredString(image, "url", path + ".image_url.url"),
                    Fields.optionalString(image, "detail", path + ".image_url.detail"));
        }
        throw RequestProblem.value(path + ".type", "content part type is not supported for role " + role + ".");
    }
}
