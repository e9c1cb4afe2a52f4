package dev.cordon.routing;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * LangChain4j {@link dev.langchain4j.model.chat.ChatModel} for OpenAI-compatible providers on the
 * shared Vert.x client ({@link UpstreamHttp}). No retries: fallback is a routing decision.
 * Immutable and thread-safe.
 */
final class VertxOpenAiChatModel implements AsyncModels.Chat {

    private final UpstreamHttp http;
    private final UpstreamEndpoint endpoint;
    private final String upstreamModel;
    private final Duration timeout;

    VertxOpenAiChatModel(UpstreamHttp http, UpstreamEndpoint endpoint, String upstreamModel, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.upstreamModel = upstreamModel;
        this.timeout = timeout;
    }

    @Override
    public Uni<ChatResponse> chatAsync(ChatRequest request) {
        return Uni.createFrom().item(() -> OpenAiWire.chatBody(request, upstreamModel, false))
                .onItem().transformToUni(body -> http.postJson(endpoint, "/chat/completions", body, timeout))
                .map(OpenAiWire::chatResponse);
    }

    /**
     * Blocking form for callers outside the gateway pipeline. It must not run on an event loop, and
     * the call starts from a thread without a Vert.x context so that its answer is not queued behind
     * the blocked caller on an ordered worker context.
     */
    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("A blocking chat call on a Vert.x event loop");
        }
        return CompletableFuture.supplyAsync(() -> chatAsync(request).subscribeAsCompletionStage(), ForkJoinPool.commonPool())
                .thenCompose(stage -> stage).join();
    }
}
