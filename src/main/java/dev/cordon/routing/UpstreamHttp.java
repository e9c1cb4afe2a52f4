package dev.cordon.routing;

import dev.langchain4j.exception.HttpException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The one HTTP client for all providers: Vert.x, non-blocking, pooled keep-alive HTTP/1.1
 * connections per host. Called on the request's Vert.x context, it answers on that same context, so
 * an upstream call costs no thread hop. Thread-safe.
 *
 * <p>Non-2xx answers fail with {@link HttpException} carrying the status only: an upstream body may
 * echo the prompt, and the prompt may hold PHI. Connect and idle timeouts are the route's timeout;
 * the route stage bounds the whole call as well.
 */
@ApplicationScoped
class UpstreamHttp {

    /** Concurrent connections per provider host: enough that the pool never queues gateway traffic. */
    private static final int CONNECTIONS_PER_HOST = 256;

    private final Vertx vertx;
    private final HttpClient client;

    UpstreamHttp(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(60)
                        .setTcpNoDelay(true)
                        .setVerifyHost(true)
                        .setDecompressionSupported(true),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_HOST));
    }

    /** POSTs a JSON body and delivers the whole 2xx answer body. Cancelling the Uni resets the request. */
    Uni<Buffer> postJson(UpstreamEndpoint endpoint, String operation, Buffer body, Duration timeout) {
        return exchange(endpoint, operation, body, timeout, "application/json", HttpClientResponse::body);
    }

    /**
     * POSTs a JSON body asking for an event stream and delivers the 2xx response with its body not
     * yet read (paused), so the caller attaches its handlers before the first chunk flows.
     */
    Uni<HttpClientResponse> postForStream(UpstreamEndpoint endpoint, String operation, Buffer body, Duration timeout) {
        return exchange(endpoint, operation, body, timeout, "text/event-stream", response -> Future.succeededFuture(response.pause()));
    }

    private <T> Uni<T> exchange(UpstreamEndpoint endpoint, String operation, Buffer body, Duration timeout, String accept,
                                Function<HttpClientResponse, Future<T>> read) {
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return Uni.createFrom().<T>emitter(emitter -> onContext(() -> client.request(options(endpoint, operation, timeout, accept))
                        .compose(request -> {
                            sent.set(request);
                            return request.send(body);
                        })
                        .compose(UpstreamHttp::successOnly)
                        .compose(read)
                        .onComplete(result -> {
                            if (result.succeeded()) {
                                emitter.complete(result.result());
                            } else {
                                emitter.fail(result.cause());
                            }
                        })))
                .onCancellation().invoke(() -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                });
    }

    /**
     * Runs the call on a Vert.x context thread. From any other thread, the client's futures can
     * complete before their callbacks are attached, and the callbacks then run on the caller's
     * thread, racing the response body on the event loop ("Response has already been read").
     */
    private void onContext(Runnable call) {
        if (Vertx.currentContext() != null) {
            call.run();
        } else {
            vertx.getOrCreateContext().runOnContext(ignored -> call.run());
        }
    }

    private static Future<HttpClientResponse> successOnly(HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Future.succeededFuture(response);
        }
        // Drain and drop the body: never read into memory, never passed on.
        response.handler(ignored -> { }).exceptionHandler(ignored -> { });
        return Future.failedFuture(new HttpException(status, "The provider answered HTTP " + status));
    }

    private static RequestOptions options(UpstreamEndpoint endpoint, String operation, Duration timeout, String accept) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(endpoint.host()).setPort(endpoint.port()).setSsl(endpoint.ssl())
                .setURI(endpoint.path(operation))
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json").putHeader("Accept", accept)
                .putHeader("User-Agent", "cordon");
        if (endpoint.bearer() != null) {
            options.putHeader("Authorization", "Bearer " + endpoint.bearer());
        }
        for (Map.Entry<String, String> header : endpoint.headers().entrySet()) {
            options.putHeader(header.getKey(), header.getValue());
        }
        return options;
    }
}
