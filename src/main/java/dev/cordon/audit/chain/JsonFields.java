package dev.cordon.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;

/** Typed reads from a parsed line; a missing or mistyped field is a {@link SegmentFormatException} naming the field. */
final class JsonFields {

    private JsonFields() {
    }

    static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SegmentFormatException("field " + field + " must be a string");
        }
        return value.textValue();
    }

    static String text(JsonNode object, String field) {
        String text = optionalText(object, field);
        if (text == null) {
            throw new SegmentFormatException("field " + field + " is missing");
        }
        return text;
    }

    static String hash(JsonNode object, String field) {
        String text = text(object, field);
        if (!Hashing.isHexSha256(text)) {
            throw new SegmentFormatException("field " + field + " must be 64 lower-case hex digits");
        }
        return text;
    }

    static long number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new SegmentFormatException("field " + field + " must be an integer");
        }
        return value.longValue();
    }

    static int intNumber(JsonNode object, String field) {
        long value = number(object, field);
        if (value != (int) value) {
            throw new SegmentFormatException("field " + field + " is out of range");
        }
        return (int) value;
    }

    static boolean bool(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isBoolean()) {
            throw new SegmentFormatException("field " + field + " must be a boolean");
        }
        return value.booleanValue();
    }

    static Instant instant(JsonNode object, String field) {
        try {
            return Timestamps.parse(text(object, field));
        } catch (DateTimeException e) {
            throw new SegmentFormatException("field " + field + " is not an ISO-8601 instant");
        }
    }
}
