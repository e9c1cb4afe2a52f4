package dev.cordon.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-request state handed from stage to stage.
 *
 * <p>Threading: created for one request and touched only by that request's stages, which run one
 * after another on its Vert.x context; not thread-safe. Stages share results through typed
 * attributes ({@link #put}/{@link #get}) so the pipeline package needs no knowledge of identity,
 * routing or PHI types.
 */
public final class Exchange {

    private final String requestId;
    private final Operation operation;
    private final long startNanos;
    private final Function<String, String> headers;
    private final String clientIp;
    private final Map<Class<?>, Object> attributes = new HashMap<>();

    /**
     * @param headers case-insensitive lookup of request headers; returns null when absent
     * @param clientIp the peer address, never null
     */
    public Exchange(String requestId, Operation operation, Function<String, String> headers, String clientIp) {
        this.requestId = Objects.requireNonNull(requestId);
        this.operation = Objects.requireNonNull(operation);
        this.headers = Objects.requireNonNull(headers);
        this.clientIp = Objects.requireNonNull(clientIp);
        this.startNanos = System.nanoTime();
    }

    public String requestId() {
        return requestId;
    }

    public Operation operation() {
        return operation;
    }

    /** Monotonic start time, for latency. */
    public long startNanos() {
        return startNanos;
    }

    /** A request header, or null. Header values may hold secrets: never log them whole. */
    public String header(String name) {
        return headers.apply(name);
    }

    public String clientIp() {
        return clientIp;
    }

    /** Stores a typed attribute, replacing any earlier value of the same type. */
    public <T> void put(Class<T> type, T value) {
        attributes.put(type, Objects.requireNonNull(value));
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(attributes.get(type)));
    }

    /** A typed attribute an earlier stage guaranteed to set; a missing one is a pipeline bug. */
    public <T> T require(Class<T> type) {
        return get(type).orElseThrow(() -> new IllegalStateException(
                "pipeline order bug: no " + type.getSimpleName() + " in the exchange"));
    }
}
