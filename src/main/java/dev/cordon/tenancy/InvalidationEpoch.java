package dev.cordon.tenancy;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A counter in Redis that every revocation or policy change increments. Each instance polls it and
 * drops its caches when it moves, so changes reach every instance within the poll interval — with
 * no pub/sub connection whose silent loss could leave a revoked key usable.
 *
 * <p>Thread-safe. {@link #trusted()} is false while the epoch cannot be read.
 */
@ApplicationScoped
class InvalidationEpoch {

    private static final Logger LOGGER = Logger.getLogger(InvalidationEpoch.class);

    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final TenancyConfig config;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seen = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean trusted = new AtomicBoolean(false);
    private final AtomicBoolean polling = new AtomicBoolean(false);
    private volatile long timerId = -1;

    InvalidationEpoch(ReactiveRedisDataSource redis, Vertx vertx, TenancyConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.invalidationPollInterval().toMillis(), id -> poll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    boolean trusted() {
        return trusted.get();
    }

    /** Increments the epoch; fails if Redis cannot confirm, so the caller can report it. */
    Uni<Void> bump() {
        return redis.value(Long.class).incr(key()).invoke(this::apply).replaceWithVoid();
    }

    private void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        redis.value(Long.class).get(key())
                .subscribe().with(value -> {
                    apply(value == null ? 0L : value);
                    polling.set(false);
                }, failure -> {
                    if (trusted.getAndSet(false)) {
                        LOGGER.warnf("invalidation epoch unreadable, caches limited to %s: %s",
                                config.staleCacheTtl(), failure.getClass().getName());
                    }
                    polling.set(false);
                });
    }

    private void apply(long value) {
        long previous = seen.getAndSet(value);
        boolean wasTrusted = trusted.getAndSet(true);
        if (previous != value || !wasTrusted) {
            listeners.forEach(Runnable::run);
        }
    }

    private String key() {
        return config.redisKeyPrefix() + "tenancy:epoch";
    }
}
