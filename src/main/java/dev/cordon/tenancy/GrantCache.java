package dev.cordon.tenancy;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short-lived memory of directory lookups (grants by key hash, tenants by issuer), including
 * "unknown" answers. Thread-safe.
 * Entries are not trusted beyond the stale limit while the invalidation epoch is unreadable.
 */
final class GrantCache<V> {

    private record Entry<V>(Optional<V> grant, long storedAt, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final TenancyConfig config;

    GrantCache(TenancyConfig config) {
        this.config = config;
    }

    /** The cached answer, or null when there is none usable. */
    Optional<V> lookup(String keyHash, boolean epochTrusted, long now) {
        Entry<V> entry = entries.get(keyHash);
        if (entry == null || now - entry.expiresAt >= 0) {
            return null;
        }
        if (!epochTrusted && now - entry.storedAt > config.staleCacheTtl().toNanos()) {
            return null;
        }
        return entry.grant;
    }

    /** Taken before a database lookup and handed to {@link #store}. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers an answer unless the cache was cleared since {@code generationAtAsk}: a lookup that
     * raced with a revocation must not put the pre-revocation answer back.
     */
    void store(String keyHash, Optional<V> grant, long now, long generationAtAsk) {
        if (generation.get() != generationAtAsk) {
            return;
        }
        if (entries.size() >= config.keyCacheMaxEntries()) {
            entries.clear();
        }
        long ttl = (grant.isPresent() ? config.keyCacheTtl() : config.unknownKeyCacheTtl()).toNanos();
        entries.put(keyHash, new Entry<>(grant, now, now + ttl));
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
