package dev.cordon.routing;

import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.openai.EmbeddingsRequest;
import dev.cordon.phi.PhiOutcome;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageFailure;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.KeyGrant;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Last stage: answers model listings from the catalog and sends generative requests to the
 * provider through LangChain4j. Non-blocking models ({@link AsyncModels}) are called on the
 * request's Vert.x context; blocking ones run on the worker pool; results come back on the
 * request's context. Refuses providers without a BAA unless the PHI stage
 * proved the content de-identified and the tenant allows it.
 */
@ApplicationScoped
@Identifier("route")
class RouteStage implements Stage {

    private static final Duration TIMEOUT_GRACE = Duration.ofMillis(500);

    private final ProviderModels models;
    private final ModelListings listings;

    RouteStage(ProviderModels models, ModelListings listings) {
        this.models = models;
        this.listings = listings;
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
        var lc4j = ChatTranslator.toLangChain4j(request, route);
        Executor back = dev.cordon.pipeline.ContextExecutors.current();
        if (request.stream()) {
            StreamingChatModel model = models.streaming(route);
            var events = StreamBridge.stream(model, lc4j, route, exchange.requestId());
            if (!(model instanceof AsyncModels.Streaming)) {
                events = events.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
            return respond(new Reply.ChatStream(events.emitOn(back)));
        }
        ChatModel model = models.chat(route);
        Uni<ChatResponse> call = model instanceof AsyncModels.Chat async ? async.chatAsync(lc4j)
                : Uni.createFrom().item(() -> model.chat(lc4j)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return bounded(call, route, exchange, back).map(response -> StageOutcome.respond(new Reply.Chat(ChatTranslator.fromLangChain4j(response))));
    }

    private Uni<StageOutcome> embed(Exchange exchange, ModelRoute route) {
        EmbeddingsRequest request = exchange.require(EmbeddingsRequest.class);
        List<TextSegment> segments = request.input().stream().map(TextSegment::from).toList();
        EmbeddingModel model = models.embedding(route, request.dimensions());
        Uni<Response<List<Embedding>>> call = model instanceof AsyncModels.Embeddings async ? async.embedAllAsync(segments)
                : Uni.createFrom().item(() -> model.embedAll(segments)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return bounded(call, route, exchange, dev.cordon.pipeline.ContextExecutors.current())
                .map(response -> StageOutcome.respond(new Reply.Embeddings(
                        response.content().stream().map(e -> e.vector()).toList(),
                        ChatTranslator.usage(response.tokenUsage()))));
    }

    /** Bounds a provider call by the route's timeout, classifies its failures and resumes on the request's context. */
    private static <T> Uni<T> bounded(Uni<T> call, ModelRoute route, Exchange exchange, Executor back) {
        return call.ifNoItem().after(route.timeout().plus(TIMEOUT_GRACE)).failWith(TimeoutException::new)
                .onFailure().transform(t -> t instanceof StageFailure ? t
                        : new StageFailure(UpstreamErrors.classify(t, route, exchange.requestId())))
                .emitOn(back);
    }

    private static Uni<StageOutcome> respond(Reply reply) {
        return Uni.createFrom().item(StageOutcome.respond(reply));
    }
}
