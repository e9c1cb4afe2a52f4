package dev.cordon.routing;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LangChain4j model clients per alias, built lazily on first use (so start-up never waits on a
 * provider) and reused. Retries are off: fallback between providers is a routing decision, not a
 * hidden client behaviour. Thread-safe.
 */
@ApplicationScoped
class ProviderModels {

    private final RoutingConfig config;
    private final Map<String, ChatModel> chat = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streaming = new ConcurrentHashMap<>();
    private final Map<String, EmbeddingModel> embedding = new ConcurrentHashMap<>();

    ProviderModels(RoutingConfig config) {
        this.config = config;
    }

    ChatModel chat(ModelRoute route) {
        return chat.computeIfAbsent(route.alias(), alias -> buildChat(route));
    }

    StreamingChatModel streaming(ModelRoute route) {
        return streaming.computeIfAbsent(route.alias(), alias -> buildStreaming(route));
    }

    EmbeddingModel embedding(ModelRoute route, Integer dimensions) {
        return embedding.computeIfAbsent(route.alias() + "#" + dimensions, key -> buildEmbedding(route, dimensions));
    }

    private ChatModel buildChat(ModelRoute route) {
        if (route.kind() == ProviderKind.ECHO) {
            return new EchoModels.Chat();
        }
        Endpoint e = endpoint(route);
        return OpenAiChatModel.builder().baseUrl(e.baseUrl()).apiKey(e.bearer()).customHeaders(e.headers()).modelName(route.upstreamModel()).timeout(route.timeout()).maxRetries(0).build();
    }

    private StreamingChatModel buildStreaming(ModelRoute route) {
        if (route.kind() == ProviderKind.ECHO) {
            return new EchoModels.Streaming();
        }
        Endpoint e = endpoint(route);
        return OpenAiStreamingChatModel.builder().baseUrl(e.baseUrl()).apiKey(e.bearer()).customHeaders(e.headers()).modelName(route.upstreamModel()).timeout(route.timeout()).build();
    }

    private EmbeddingModel buildEmbedding(ModelRoute route, Integer dimensions) {
        if (route.kind() == ProviderKind.ECHO) {
            return new EchoModels.Embedding(dimensions == null ? 8 : dimensions);
        }
        Endpoint e = endpoint(route);
        return OpenAiEmbeddingModel.builder().baseUrl(e.baseUrl()).apiKey(e.bearer()).customHeaders(e.headers()).modelName(route.upstreamModel()).dimensions(dimensions)
                .timeout(route.timeout()).maxRetries(0).build();
    }

    /** Where and how to call: kinds differ only in URL layout and how the key is sent. */
    private record Endpoint(String baseUrl, String bearer, Map<String, String> headers) {}

    private Endpoint endpoint(ModelRoute route) {
        RoutingConfig.Provider provider = config.providers().get(route.providerId());
        String base = trimSlash(provider.baseUrl().orElseThrow());
        String key = provider.apiKey().filter(k -> !k.isBlank()).orElse(null);
        return switch (route.kind()) {
            case OLLAMA -> new Endpoint(base + "/v1", key == null ? "ollama" : key, Map.of());
            // Azure's v1 API: OpenAI paths under /openai/v1, the deployment name as model, no api-version.
            case AZURE_OPENAI -> new Endpoint(base + "/openai/v1", null,
                    key == null ? Map.of() : Map.of("api-key", key));
            default -> new Endpoint(base, key == null ? "none" : key, Map.of());
        };
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
