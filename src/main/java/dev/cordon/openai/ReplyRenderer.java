package dev.cordon.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.PipelineResult;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.SafeThrowables;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Puts pipeline results on the wire: JSON bodies, SSE streams and error envelopes. Thread-safe. */
@ApplicationScoped
class ReplyRenderer {

    private static final Logger LOGGER = Logger.getLogger(ReplyRenderer.class);

    private final ObjectMapper mapper;
    private final ChatJson json;

    ReplyRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = new ChatJson(mapper);
    }

    void render(RoutingContext ctx, Exchange exchange, PipelineResult result) {
        if (result instanceof PipelineResult.Refused refused) {
            renderError(ctx, refused.error());
            return;
        }
        Reply reply = ((PipelineResult.Replied) result).reply();
        long created = System.currentTimeMillis() / 1000;
        if (reply instanceof Reply.ChatStream stream) {
            new SseWriter(ctx, exchange, this, json, mapper, created).start(stream.events());
        } else if (reply instanceof Reply.Chat chat) {
            writeJson(ctx, 200, json.completion(completionId(exchange), created, model(exchange), chat.result()));
        } else if (reply instanceof Reply.Embeddings embeddings) {
            EmbeddingsRequest request = exchange.require(EmbeddingsRequest.class);
            writeJson(ctx, 200, json.embeddings(request.model(), embeddings.vectors(), embeddings.usage(), request.base64()));
        } else if (reply instanceof Reply.Json body) {
            writeJson(ctx, 200, body.body());
        }
    }

    void renderError(RoutingContext ctx, GatewayError error) {
        writeJson(ctx, ErrorEnvelopes.status(error), ErrorEnvelopes.envelope(error));
    }

    void renderUnexpected(RoutingContext ctx, Exchange exchange, Throwable failure) {
        LOGGER.errorf("request failed outside the pipeline: request_id=%s error=%s",
                RequestIds.of(ctx), failure == null ? "none" : SafeThrowables.describe(failure));
        renderError(ctx, new GatewayError.Internal("The gateway failed to process the request.", "internal_error"));
    }

    void writeJson(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            LOGGER.errorf("response serialisation failed: request_id=%s error=%s", RequestIds.of(ctx), SafeThrowables.describe(e));
            status = 500;
            bytes = "{\"error\":{\"message\":\"The gateway failed to render the response.\",\"type\":\"server_error\",\"param\":null,\"code\":\"internal_error\"}}".getBytes();
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(Buffer.buffer(bytes));
    }

    static String completionId(Exchange exchange) {
        return "chatcmpl-" + exchange.requestId();
    }

    static String model(Exchange exchange) {
        return exchange.require(ChatCompletionRequest.class).model();
    }
}
