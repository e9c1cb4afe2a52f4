package dev.cordon.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.StageFailure;
import dev.cordon.pipeline.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Flow;

/**
 * Writes one streamed completion as OpenAI SSE ({@code data: <chunk>} ... {@code data: [DONE]}).
 * Requests one event at a time and the next only when the previous write completed, so a slow
 * client slows the stream instead of filling memory. Headers are sent with the first event, so a
 * failure before any event still gets a proper HTTP error status.
 *
 * <p>One instance per response; events arrive serially (reactive streams rule), possibly on
 * different threads.
 */
final class SseWriter implements MultiSubscriber<StreamEvent> {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final ChatJson json;
    private final ObjectMapper mapper;
    private final ReplyRenderer renderer;
    private final String id;
    private final String model;
    private final long created;
    private final boolean includeUsage;
    private volatile Flow.Subscription subscription;
    private volatile boolean started;

    SseWriter(RoutingContext ctx, Exchange exchange, ReplyRenderer renderer, ChatJson json, ObjectMapper mapper, long created) {
        this.renderer = renderer;
        this.ctx = ctx;
        this.response = ctx.response();
        this.json = json;
        this.mapper = mapper;
        this.id = ReplyRenderer.completionId(exchange);
        ChatCompletionRequest request = exchange.require(ChatCompletionRequest.class);
        this.model = request.model();
        this.includeUsage = request.includeUsage();
        this.created = created;
    }

    void start(Multi<StreamEvent> events) {
        response.closeHandler(v -> cancel());
        events.subscribe().withSubscriber(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onItem(StreamEvent event) {
        boolean first = !started;
        startIfNeeded();
        Buffer out = frame(json.chunk(id, created, model, event, first));
        if (event instanceof StreamEvent.Finish finish && includeUsage) {
            out.appendBuffer(frame(json.usageChunk(id, created, model, finish.usage())));
        }
        response.write(out).onComplete(ar -> {
            if (ar.succeeded()) {
                subscription.request(1);
            } else {
                cancel();
            }
        });
    }

    @Override
    public void onFailure(Throwable failure) {
        GatewayError error = failure instanceof StageFailure sf ? sf.error()
                : new GatewayError.Internal("The gateway failed while streaming the response.", "internal_error");
        if (!started) {
            renderer.renderError(ctx, error);
            return;
        }
        if (!response.ended() && !response.closed()) {
            response.end(frame(ErrorEnvelopes.envelope(error)));
        }
    }

    @Override
    public void onCompletion() {
        startIfNeeded();
        if (!response.ended() && !response.closed()) {
            response.end(DONE);
        }
    }

    private void startIfNeeded() {
        if (!started) {
            started = true;
            response.setChunked(true).setStatusCode(200)
                    .putHeader("content-type", "text/event-stream; charset=utf-8")
                    .putHeader("cache-control", "no-cache")
                    .putHeader("x-accel-buffering", "no");
        }
    }

    private Buffer frame(Object body) {
        try {
            return Buffer.buffer("data: ").appendBytes(mapper.writeValueAsBytes(body)).appendString("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chunk serialisation failed", e);
        }
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
