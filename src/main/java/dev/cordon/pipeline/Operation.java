package dev.cordon.pipeline;

/** Which OpenAI-compatible endpoint the caller used; drives validation and routing. */
public enum Operation {
    CHAT_COMPLETIONS,
    EMBEDDINGS,
    LIST_MODELS,
    GET_MODEL,
    PHI_ANALYZE,
    PHI_REDACT;

    /** True for operations that send content to a model provider. */
    public boolean generative() {
        return this == CHAT_COMPLETIONS || this == EMBEDDINGS;
    }
}
