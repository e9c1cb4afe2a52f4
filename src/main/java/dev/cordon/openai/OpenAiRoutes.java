package dev.cordon.openai;

import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.PipelineRunner;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The OpenAI-compatible HTTP surface on plain Vert.x routes, for exact control of status codes,
 * envelopes and SSE framing. Each request becomes an {@link Exchange} run through the pipeline.
 */
@ApplicationScoped
class OpenAiRoutes {

    private static final Map<String, Operation> POSTS = Map.of("/v1/chat/completions", Operation.CHAT_COMPLETIONS,
            "/v1/embeddings", Operation.EMBEDDINGS, "/v1/phi/analyze", Operation.PHI_ANALYZE, "/v1/phi/redact", Operation.PHI_REDACT);

    private final PipelineRunner runner;
    private final ReplyRenderer renderer;
    private final HttpConfig config;

    OpenAiRoutes(PipelineRunner runner, ReplyRenderer renderer, HttpConfig config) {
        this.runner = runner;
        this.renderer = renderer;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(RequestIds::assign);
        router.route("/v1/*").order(-999).handler(this::refuseDeclaredOversize);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue());
        POSTS.forEach((path, operation) -> post(router, path, body, operation));
        router.get("/v1/models").handler(ctx -> dispatch(ctx, Operation.LIST_MODELS));
        router.get("/v1/models/:id").handler(ctx -> {
            ctx.put(RequestedModel.class.getName(), new RequestedModel(ctx.pathParam("id")));
            dispatch(ctx, Operation.GET_MODEL);
        });
        router.route("/v1/*").order(10_000).handler(this::unknownRoute).failureHandler(this::failure);
    }

    /**
     * Refuses a POST whose declared Content-Length is over the limit before Quarkus's own ceiling
     * ({@code quarkus.http.limits.max-body-size}) can: that one answers 413 with an empty body and
     * no audit record. The body is never read, so the connection is closed after the answer.
     */
    private void refuseDeclaredOversize(RoutingContext ctx) {
        Operation operation = POSTS.get(ctx.normalizedPath());
        String declared = ctx.request().getHeader("Content-Length");
        if (operation == null || ctx.request().method() != io.vertx.core.http.HttpMethod.POST || declared == null
                || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= config.maxBodySize().asLongValue()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("connection", "close");
        refuse(ctx, operation, tooLarge());
    }

    private void post(Router router, String path, BodyHandler body, Operation operation) {
        router.post(path).handler(body).handler(ctx -> dispatch(ctx, operation)).failureHandler(ctx -> failure(ctx, operation));
    }

    private void dispatch(RoutingContext ctx, Operation operation) {
        Exchange exchange = exchange(ctx, operation);
        if (ctx.body() != null && ctx.body().buffer() != null) {
            exchange.put(RawBody.class, new RawBody(ctx.body().buffer().getBytes()));
        } else if (ctx.request().method() == io.vertx.core.http.HttpMethod.POST) {
            exchange.put(RawBody.class, new RawBody(new byte[0]));
        }
        RequestedModel pathModel = ctx.get(RequestedModel.class.getName());
        if (pathModel != null) {
            exchange.put(RequestedModel.class, pathModel);
        }
        ctx.response().headersEndHandler(v -> exchange.get(dev.cordon.pipeline.ResponseHeaders.class)
                .ifPresent(h -> h.asMap().forEach(ctx.response()::putHeader)));
        runner.run(exchange).subscribe().with(
                result -> renderer.render(ctx, exchange, result),
                failure -> renderer.renderUnexpected(ctx, exchange, failure));
    }

    private Exchange exchange(RoutingContext ctx, Operation operation) {
        Exchange exchange = new Exchange(RequestIds.of(ctx), operation, ctx.request()::getHeader, clientIp(ctx));
        // Quarkus OIDC verifies tenants' bearer tokens against the request's routing context.
        exchange.put(RoutingContext.class, ctx);
        return exchange;
    }

    private void unknownRoute(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean known = path.equals("/v1/chat/completions") || path.equals("/v1/embeddings") || path.startsWith("/v1/models")
                || path.equals("/v1/phi/analyze") || path.equals("/v1/phi/redact");
        GatewayError error = known
                ? new GatewayError.MethodNotAllowed("Method " + ctx.request().method() + " is not allowed on this path.", "method_not_allowed")
                : new GatewayError.NotFound("Unknown request URL: " + ctx.request().method() + " " + safePath(path) + ".", null, "unknown_url");
        renderer.renderError(ctx, error);
    }

    /** A body the handler could not accept is refused through the runner, so it is audited too. */
    private void failure(RoutingContext ctx, Operation operation) {
        GatewayError error;
        if (ctx.statusCode() == 413) {
            error = tooLarge();
        } else if (ctx.statusCode() == 400) {
            error = new GatewayError.InvalidRequest("The request could not be read.", null, "invalid_request");
        } else {
            failure(ctx);
            return;
        }
        refuse(ctx, operation, error);
    }

    private void refuse(RoutingContext ctx, Operation operation, GatewayError error) {
        Exchange exchange = exchange(ctx, operation);
        runner.refuse(exchange, error).subscribe().with(
                result -> renderer.render(ctx, exchange, result),
                failure -> renderer.renderUnexpected(ctx, exchange, failure));
    }

    private GatewayError tooLarge() {
        return new GatewayError.PayloadTooLarge("The request body exceeds the limit of "
                + config.maxBodySize().asLongValue() + " bytes.", "request_too_large");
    }

    private void failure(RoutingContext ctx) {
        renderer.renderUnexpected(ctx, null, ctx.failure());
    }

    private static String clientIp(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    /** Paths are echoed in errors; keep them short and printable. */
    private static String safePath(String path) {
        String cut = path.length() > 100 ? path.substring(0, 100) : path;
        return cut.replaceAll("[^A-Za-z0-9/._~-]", "?");
    }
}
