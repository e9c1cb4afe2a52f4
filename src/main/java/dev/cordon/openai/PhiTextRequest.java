package dev.cordon.openai;

import java.util.Map;

/**
 * A validated {@code /v1/phi/analyze} or {@code /v1/phi/redact} body: the text and an optional
 * policy ({@code {"actions":{"NAME":"mask"},"default":"tokenize"}}). {@code defaultAction} may be null.
 */
public record PhiTextRequest(String text, Map<String, String> actions, String defaultAction) {

    public PhiTextRequest {
        actions = Map.copyOf(actions);
    }
}
