package dev.cordon.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores {@link PhiRules} as JSON in the tenant row:
 * {@code {"default":"tokenize","actions":{"DATE":"allow"},"purposes":{"RESEARCH":{"default":"mask"}}}}.
 * Hand-written tree mapping, so no reflection is needed in a native image. Stateless.
 */
public final class PhiRulesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PhiRulesJson() {}

    public static PhiRules parse(String json) {
        if (json == null || json.isBlank()) {
            return PhiRules.NONE;
        }
        try {
            return fromTree(MAPPER.readTree(json), true);
        } catch (IOException e) {
            throw new IllegalStateException("stored PHI policy is not valid JSON", e);
        }
    }

    public static PhiRules fromTree(JsonNode node, boolean allowPurposes) {
        String fallback = node.hasNonNull("default") ? node.get("default").asText() : null;
        Map<String, String> actions = new LinkedHashMap<>();
        if (node.hasNonNull("actions")) {
            node.get("actions").fields().forEachRemaining(e -> actions.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, PhiRules> purposes = new LinkedHashMap<>();
        if (allowPurposes && node.hasNonNull("purposes")) {
            node.get("purposes").fields().forEachRemaining(e -> purposes.put(e.getKey(), fromTree(e.getValue(), false)));
        }
        return new PhiRules(fallback, actions, purposes);
    }

    public static String write(PhiRules rules) {
        return tree(rules).toString();
    }

    public static ObjectNode tree(PhiRules rules) {
        ObjectNode out = MAPPER.createObjectNode();
        if (rules.defaultAction() != null) {
            out.put("default", rules.defaultAction());
        }
        ObjectNode actions = out.putObject("actions");
        rules.actions().forEach(actions::put);
        if (!rules.byPurpose().isEmpty()) {
            ObjectNode purposes = out.putObject("purposes");
            rules.byPurpose().forEach((purpose, r) -> purposes.set(purpose, tree(r)));
        }
        return out;
    }
}
