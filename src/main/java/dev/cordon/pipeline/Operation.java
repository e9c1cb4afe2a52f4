package dev.cordon.pipeline;

/** Which OpenAI-compatible endpoint the caller used; drives validation and routing. */
public enum Operation {
    CHAT_COMPLETIONS,
    EMBEDDINGS,
    LIST_MODELS,
    GET_MODEL,
    PHI_ANALYZE,
    PHI_REDACT,
    /** An operator call on the admin API; authenticated by the same stage, never routed to a model. */
    ADMIN;

    /** True for operations that send content to a model provider. */
    public boolean generative() {
        return this == CHAT_COMPLETIONS || this == EMBEDDINGS;
    }
}
