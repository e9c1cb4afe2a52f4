package dev.cordon.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers a stage wants on the response whatever the outcome (e.g. rate-limit state). Per request,
 * not thread-safe; values must be safe to show the caller.
 */
public final class ResponseHeaders {

    private final Map<String, String> headers = new LinkedHashMap<>();

    public void put(String name, String value) {
        headers.put(name, value);
    }

    public Map<String, String> asMap() {
        return headers;
    }
}
