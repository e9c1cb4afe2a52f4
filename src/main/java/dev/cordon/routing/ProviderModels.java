package dev.cordon.routing;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LangChain4j model clients per alias, built lazily on first use (so start-up never waits on a
 * provider) and reused. OpenAI-compatible kinds share one non-blocking Vert.x client
 * ({@link UpstreamHttp}); quarkus-langchain4j's REST client cost about 0.2 ms of CPU and two thread
 * hops per call. Retries are off: fallback between providers is a routing decision, not a hidden
 * client behaviour. Thread-safe.
 */
@ApplicationScoped
class ProviderModels {

    private final RoutingConfig config;
    private final UpstreamHttp http;
    private final Map<String, ChatModel> chat = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streaming = new ConcurrentHashMap<>();
    private final Map<String, EmbeddingModel> embedding = new ConcurrentHashMap<>();

    ProviderModels(RoutingConfig config, UpstreamHttp http) {
        this.config = config;
        this.http = http;
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
        return new VertxOpenAiChatModel(http, endpoint(route), route.upstreamModel(), route.timeout());
    }

    private StreamingChatModel buildStreaming(ModelRoute route) {
        if (route.kind() == ProviderKind.ECHO) {
            return new EchoModels.Streaming();
        }
        return new VertxOpenAiStreamingChatModel(http, endpoint(route), route.upstreamModel(), route.timeout());
    }

    private EmbeddingModel buildEmbedding(ModelRoute route, Integer dimensions) {
        if (route.kind() == ProviderKind.ECHO) {
            return new EchoModels.Embedding(dimensions == null ? 8 : dimensions);
        }
        return new VertxOpenAiEmbeddingModel(http, endpoint(route), route.upstreamModel(), dimensions, route.timeout());
    }

    private UpstreamEndpoint endpoint(ModelRoute route) {
        return UpstreamEndpoint.of(config.providers().get(route.providerId()), route.kind());
    }
}
