package dev.cordon.routing;

/** How Cordon talks to a provider. */
public enum ProviderKind {
    /** Any server speaking the OpenAI API: OpenAI enterprise, vLLM, llama.cpp, TGI. */
    OPENAI,
    /** Ollama, through its OpenAI-compatible {@code /v1} API. */
    OLLAMA,
    /** Azure OpenAI deployments ({@code api-key} header, {@code api-version} parameter). */
    AZURE_OPENAI,
    /** Answers with the last user message it received: makes redaction visible in demos. Not a model. */
    ECHO
}
