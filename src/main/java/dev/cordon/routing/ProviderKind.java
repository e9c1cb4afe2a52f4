package dev.cordon.routing;

/** How Cordon talks to a provider. */
public enum ProviderKind {
    /** Any server speaking the OpenAI API: OpenAI enterprise, vLLM, llama.cpp, TGI. */
    OPENAI,
    /** Ollama, through its OpenAI-compatible {@code /v1} API. */
    OLLAMA,
    /** Azure OpenAI through its v1 API ({@code /openai/v1}, {@code api-key} header, deployment name as model). */
    AZURE_OPENAI,
    /** Answers with the last user message it received: makes redaction visible in demos. Not a model. */
    ECHO
}
