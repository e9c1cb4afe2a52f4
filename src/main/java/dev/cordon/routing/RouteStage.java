package dev.cordon.routing;

import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.openai.EmbeddingsRequest;
import dev.cordon.phi.PhiOutcome;
import dev.cordon.pipeline.ContextExecutors;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.pipeline.StreamEvent;
import dev.cordon.tenancy.KeyGrant;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Last stage: answers model listings from the catalog and sends generative requests to the
 * provider through LangChain4j. Non-blocking models ({@link AsyncModels}) are called on the
 * request's Vert.x context; blocking ones run on the worker pool; results come back on the
 * request's context. Refuses providers without a BAA unless the PHI stage proved the content
 * de-identified and the tenant allows it. Falls back to the alias's configured fallbacks through
 * {@link UpstreamCalls}, recording every call in {@link RouteAttempts}.
 */
@ApplicationScoped
@Identifier("route")
class RouteStage implements Stage {

    private final ProviderModels models;
    private final ModelListings listings;
    private final UpstreamCalls calls;

    RouteStage(ProviderModels models, ModelListings listings, UpstreamCalls calls) {
        this.models = models;
        this.listings = listings;
        this.calls = calls;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        switch (exchange.operation()) {
            case LIST_MODELS -> {
                return respond(new Reply.Json(listings.list(exchange.require(KeyGrant.class))));
            }
            case GET_MODEL -> {
                return respond(new Reply.Json(listings.one(exchange.require(ModelRoute.class))));
            }
            default -> {
                ModelRoute route = exchange.require(ModelRoute.class);
                GatewayError baa = baaRefusal(exchange, route);
                if (baa != null) {
                    return Uni.createFrom().item(StageOutcome.reject(baa));
                }
                return exchange.get(ChatCompletionRequest.class).isPresent() ? chat(exchange, route) : embed(exchange, route);
            }
        }
    }

    private static GatewayError baaRefusal(Exchange exchange, ModelRoute route) {
        if (route.baa().mayReceivePhi()) {
            return null;
        }
        boolean deidentified = exchange.get(PhiOutcome.class).map(PhiOutcome::deidentified).orElse(false);
        if (deidentified && exchange.require(KeyGrant.class).allowNonBaaDeidentified()) {
            return null;
        }
        return new GatewayError.PermissionDenied("The model '" + route.alias()
                + "' is served by a provider without a Business Associate Agreement; only de-identified content"
                + " may be sent to it, and only where the tenant allows it.", "provider_not_baa_covered");
    }

    private Uni<StageOutcome> chat(Exchange exchange, ModelRoute route) {
        ChatCompletionRequest request = exchange.require(ChatCompletionRequest.class);
        RouteAttempts attempts = attempts(exchange);
        List<ModelRoute> chain = calls.chain(route);
        Executor back = ContextExecutors.current();
        if (request.stream()) {
            var events = calls.stream(chain, r -> openStream(r, request), attempts, exchange.requestId()).emitOn(back);
            return respond(new Reply.ChatStream(events));
        }
        return calls.call(chain, r -> chatCall(r, request), attempts, exchange.requestId())
                .emitOn(back)
                .map(result -> StageOutcome.respond(new Reply.Chat(result)));
    }

    private Uni<StageOutcome> embed(Exchange exchange, ModelRoute route) {
        EmbeddingsRequest request = exchange.require(EmbeddingsRequest.class);
        List<TextSegment> segments = request.input().stream().map(TextSegment::from).toList();
        Executor back = ContextExecutors.current();
        return calls.call(calls.chain(route), r -> embedCall(r, request.dimensions(), segments), attempts(exchange), exchange.requestId())
                .emitOn(back)
                .map(response -> StageOutcome.respond(new Reply.Embeddings(
                        response.content().stream().map(e -> e.vector()).toList(),
                        ChatTranslator.usage(response.tokenUsage()))));
    }

    /** Opens one route's stream: on the caller's context for non-blocking models, else on the worker pool. */
    private Multi<StreamEvent> openStream(ModelRoute route, ChatCompletionRequest request) {
        StreamingChatModel model = models.streaming(route);
        Multi<StreamEvent> events = StreamBridge.stream(model, ChatTranslator.toLangChain4j(request, route));
        return model instanceof AsyncModels.Streaming ? events : events.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Reply.ChatResult> chatCall(ModelRoute route, ChatCompletionRequest request) {
        ChatModel model = models.chat(route);
        var lc4j = ChatTranslator.toLangChain4j(request, route);
        Uni<ChatResponse> call = model instanceof AsyncModels.Chat async ? async.chatAsync(lc4j)
                : Uni.createFrom().item(() -> model.chat(lc4j)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return call.map(ChatTranslator::fromLangChain4j);
    }

    private Uni<Response<List<Embedding>>> embedCall(ModelRoute route, Integer dimensions, List<TextSegment> segments) {
        EmbeddingModel model = models.embedding(route, dimensions);
        return model instanceof AsyncModels.Embeddings async ? async.embedAllAsync(segments)
                : Uni.createFrom().item(() -> model.embedAll(segments)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static RouteAttempts attempts(Exchange exchange) {
        RouteAttempts attempts = new RouteAttempts();
        exchange.put(RouteAttempts.class, attempts);
        return attempts;
    }

    private static Uni<StageOutcome> respond(Reply reply) {
        return Uni.createFrom().item(StageOutcome.respond(reply));
    }
}
