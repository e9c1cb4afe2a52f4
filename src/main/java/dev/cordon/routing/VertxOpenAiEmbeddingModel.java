package dev.cordon.routing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * LangChain4j {@link dev.langchain4j.model.embedding.EmbeddingModel} for OpenAI-compatible
 * providers on the shared Vert.x client. No retries. Immutable and thread-safe.
 */
final class VertxOpenAiEmbeddingModel implements AsyncModels.Embeddings {

    private final UpstreamHttp http;
    private final UpstreamEndpoint endpoint;
    private final String upstreamModel;
    private final Integer dimensions;
    private final Duration timeout;

    VertxOpenAiEmbeddingModel(UpstreamHttp http, UpstreamEndpoint endpoint, String upstreamModel, Integer dimensions, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.upstreamModel = upstreamModel;
        this.dimensions = dimensions;
        this.timeout = timeout;
    }

    @Override
    public Uni<Response<List<Embedding>>> embedAllAsync(List<TextSegment> segments) {
        return Uni.createFrom().item(() -> OpenAiWire.embeddingBody(segments.stream().map(TextSegment::text).toList(), upstreamModel, dimensions))
                .onItem().transformToUni(body -> http.postJson(endpoint, "/embeddings", body, timeout))
                .map(OpenAiWire::embeddingResponse);
    }

    /** Blocking form for callers outside the pipeline; see {@link VertxOpenAiChatModel#doChat}. */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("A blocking embedding call on a Vert.x event loop");
        }
        return CompletableFuture.supplyAsync(() -> embedAllAsync(segments).subscribeAsCompletionStage(), ForkJoinPool.commonPool())
                .thenCompose(stage -> stage).join();
    }

    @Override
    public String modelName() {
        return upstreamModel;
    }
}
