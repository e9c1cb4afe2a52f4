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
import dev.cordon.tenancy.KeyGrant;
import dev.langchain4j.data.segment.TextSegment;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Last stage: answers model listings from the catalog and sends generative requests to the
 * provider through LangChain4j. Blocking client calls run on the worker pool and results come
 * back on the request's Vert.x context. Refuses providers without a BAA unless the PHI stage
 * proved the content de-identified and the tenant allows it. Falls back to the alias's configured
 * fallbacks through {@link UpstreamCalls}, recording every call in {@link RouteAttempts}.
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
            var events = calls.stream(chain, r -> StreamBridge.stream(models.streaming(r), ChatTranslator.toLangChain4j(request, r)),
                            attempts, exchange.requestId())
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(back);
            return respond(new Reply.ChatStream(events));
        }
        return calls.blocking(chain, r -> ChatTranslator.fromLangChain4j(models.chat(r).chat(ChatTranslator.toLangChain4j(request, r))),
                        attempts, exchange.requestId())
                .emitOn(back)
                .map(result -> StageOutcome.respond(new Reply.Chat(result)));
    }

    private Uni<StageOutcome> embed(Exchange exchange, ModelRoute route) {
        EmbeddingsRequest request = exchange.require(EmbeddingsRequest.class);
        List<TextSegment> segments = request.input().stream().map(TextSegment::from).toList();
        Executor back = ContextExecutors.current();
        return calls.blocking(calls.chain(route), r -> models.embedding(r, request.dimensions()).embedAll(segments),
                        attempts(exchange), exchange.requestId())
                .emitOn(back)
                .map(response -> StageOutcome.respond(new Reply.Embeddings(
                        response.content().stream().map(e -> e.vector()).toList(),
                        ChatTranslator.usage(response.tokenUsage()))));
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
