package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Parses {@code {"text": "...", "policy": {"actions": {...}, "default": "..."}}}. Stateless. */
final class PhiTextRequestParser {

    private PhiTextRequestParser() {}

    static PhiTextRequest parse(JsonNode body) {
        String text = Fields.requiredString(body, "text", "text");
        JsonNode policy = Fields.optionalObject(body, "policy", "policy");
        if (policy == null) {
            return new PhiTextRequest(text, Map.of(), null);
        }
        return new PhiTextRequest(text, Fields.stringMap(policy, "actions"), Fields.optionalString(policy, "default", "policy.default"));
    }
}
