package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of JSON fields that fail with a {@link RequestProblem} naming the parameter path. */
final class Fields {

    private Fields() {}

    static String requiredString(JsonNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            throw RequestProblem.missing(path);
        }
        if (!node.isTextual()) {
            throw RequestProblem.type(path, "a string");
        }
        return node.textValue();
    }

    static String optionalString(JsonNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RequestProblem.type(path, "a string");
        }
        return node.textValue();
    }

    static Double optionalNumber(JsonNode obj, String field, double min, double max) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw RequestProblem.type(field, "a number");
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            throw RequestProblem.value(field, "must be between " + min + " and " + max + ".");
        }
        return value;
    }

    static Integer optionalInt(JsonNode obj, String field, long min, long max) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw RequestProblem.type(field, "an integer");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw RequestProblem.value(field, "must be between " + min + " and " + max + ".");
        }
        return value;
    }

    static Boolean optionalBoolean(JsonNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw RequestProblem.type(path, "a boolean");
        }
        return node.booleanValue();
    }

    static JsonNode optionalObject(JsonNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw RequestProblem.type(path, "an object");
        }
        return node;
    }

    /** A string or an array of strings, as {@code stop} and {@code input} accept. */
    static List<String> stringOrStrings(JsonNode node, String path, int maxItems) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.textValue());
            return out;
        }
        if (!node.isArray()) {
            throw RequestProblem.type(path, "a string or an array of strings");
        }
        if (node.size() > maxItems) {
            throw RequestProblem.value(path, "at most " + maxItems + " items are allowed.");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw RequestProblem.type(path + "[" + i + "]", "a string");
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    /** An object of string values ({@code metadata}). */
    static Map<String, String> stringMap(JsonNode obj, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = optionalObject(obj, field, field);
        if (node == null) {
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw RequestProblem.type(field + "." + e.getKey(), "a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }
}
