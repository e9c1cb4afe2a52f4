package dev.cordon.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic JSON bytes for signing, after RFC 8785 (JCS) restricted to the values the audit
 * trail needs: objects, strings, integers ({@code long}) and booleans. Keys are sorted by UTF-16
 * code units ({@link String#compareTo}); members whose value is {@code null} are omitted, so an
 * absent and a null member sign identically. Arrays and fractions are rejected because no audit
 * field needs them and JCS number formatting is where implementations disagree.
 *
 * <p>Stateless and thread-safe. Methods reject unsupported values with {@link IllegalArgumentException}
 * whose message names the key, never the value.
 */
public final class CanonicalJson {

    private static final byte[] HEX = "0123456789abcdef".getBytes();

    private CanonicalJson() {
    }

    /** Canonical UTF-8 bytes of an object whose values are String, Long/Integer, Boolean, nested Map or null. */
    public static byte[] encode(Map<String, ?> object) {
        ByteSink out = new ByteSink(512);
        writeMap(object, out);
        return out.toByteArray();
    }

    /** Canonical UTF-8 bytes of a parsed JSON object (used to check that stored lines are canonical). */
    public static byte[] encode(JsonNode object) {
        ByteSink out = new ByteSink(512);
        writeNode("(root)", object, out);
        return out.toByteArray();
    }

    /**
     * Canonical bytes of an object whose keys are already in canonical order, for the record
     * layout written once per request: skipping the sort halves the cost of encoding a record.
     * {@code values[i]} belongs to {@code sortedKeys[i]}; null values are omitted.
     */
    static byte[] encodeSorted(String[] sortedKeys, Object[] values) {
        ByteSink out = new ByteSink(1024);
        out.write('{');
        boolean first = true;
        for (int i = 0; i < sortedKeys.length; i++) {
            if (values[i] != null) {
                first = writeKey(sortedKeys[i], first, out);
                writeValue(sortedKeys[i], values[i], out);
            }
        }
        out.write('}');
        return out.toByteArray();
    }

    /** ISO-8601 UTC with exactly three fraction digits, e.g. {@code 2026-11-23T13:48:04.123Z}; sub-milliseconds are dropped. */
    public static String timestamp(Instant instant) {
        return Timestamps.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static void writeMap(Map<String, ?> object, ByteSink out) {
        Map<String, ?> sorted = object instanceof TreeMap<String, ?> tree && tree.comparator() == null ? object : new TreeMap<>(object);
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, ?> member : sorted.entrySet()) {
            if (member.getValue() == null) {
                continue;
            }
            first = writeKey(member.getKey(), first, out);
            writeValue(member.getKey(), member.getValue(), out);
        }
        out.write('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(String key, Object value, ByteSink out) {
        if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writeAscii(Long.toString(((Number) value).longValue()), out);
        } else if (value instanceof Boolean bool) {
            writeAscii(bool.toString(), out);
        } else if (value instanceof Map<?, ?> nested) {
            writeMap((Map<String, ?>) nested, out);
        } else {
            throw new IllegalArgumentException("unsupported canonical JSON value type for key " + key + ": " + value.getClass().getSimpleName());
        }
    }

    private static void writeNode(String key, JsonNode node, ByteSink out) {
        if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            writeAscii(Long.toString(node.longValue()), out);
        } else if (node.isBoolean()) {
            writeAscii(Boolean.toString(node.booleanValue()), out);
        } else if (node.isObject()) {
            writeObjectNode(node, out);
        } else {
            throw new IllegalArgumentException("unsupported canonical JSON value for key " + key + ": " + node.getNodeType());
        }
    }

    private static void writeObjectNode(JsonNode node, ByteSink out) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.sort(null);
        out.write('{');
        boolean first = true;
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value.isNull()) {
                continue;
            }
            first = writeKey(name, first, out);
            writeNode(name, value, out);
        }
        out.write('}');
    }

    private static boolean writeKey(String key, boolean first, ByteSink out) {
        if (!first) {
            out.write(',');
        }
        writeString(key, out);
        out.write(':');
        return false;
    }

    private static void writeAscii(String ascii, ByteSink out) {
        out.writeAscii(ascii, 0, ascii.length());
    }

    private static void writeString(String text, ByteSink out) {
        out.write('"');
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                continue;
            }
            // Most audit strings are plain ASCII: copy runs in bulk and only handle the exceptions char by char.
            out.writeAscii(text, plainFrom, i);
            i = writeSpecial(text, i, out);
            plainFrom = i + 1;
        }
        out.writeAscii(text, plainFrom, text.length());
        out.write('"');
    }

    /** Writes the char at {@code i} (escaped or UTF-8) and returns the index of the last char consumed. */
    private static int writeSpecial(String text, int i, ByteSink out) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
            out.write('\\');
            out.write(c);
        } else if (c < 0x20) {
            writeControl(c, out);
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            writeUtf8(Character.toCodePoint(c, text.charAt(i + 1)), out);
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form; escaping it (as ES2019 JSON.stringify does) keeps encoding total and reversible.
            writeUnicodeEscape(c, out);
        } else {
            writeUtf8(c, out);
        }
        return i;
    }

    private static void writeControl(char c, ByteSink out) {
        switch (c) {
            case '\b' -> writeAscii("\\b", out);
            case '\f' -> writeAscii("\\f", out);
            case '\n' -> writeAscii("\\n", out);
            case '\r' -> writeAscii("\\r", out);
            case '\t' -> writeAscii("\\t", out);
            default -> writeUnicodeEscape(c, out);
        }
    }

    private static void writeUnicodeEscape(char c, ByteSink out) {
        writeAscii("\\u", out);
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.write(HEX[(c >> shift) & 0xF]);
        }
    }

    private static void writeUtf8(int codePoint, ByteSink out) {
        if (codePoint < 0x800) {
            out.write(0xC0 | (codePoint >> 6));
        } else if (codePoint < 0x10000) {
            out.write(0xE0 | (codePoint >> 12));
            out.write(0x80 | ((codePoint >> 6) & 0x3F));
        } else {
            out.write(0xF0 | (codePoint >> 18));
            out.write(0x80 | ((codePoint >> 12) & 0x3F));
            out.write(0x80 | ((codePoint >> 6) & 0x3F));
        }
        out.write(0x80 | (codePoint & 0x3F));
    }
}
