package dev.cordon.openai;

/** The model alias a request names: from the body, or from the path for {@code GET /v1/models/{id}}. */
public record RequestedModel(String alias) {}
