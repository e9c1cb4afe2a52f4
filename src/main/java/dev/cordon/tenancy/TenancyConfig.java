package dev.cordon.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tenant and key lookup: caching and cross-instance invalidation. */
@ConfigMapping(prefix = "cordon.tenancy")
public interface TenancyConfig {

    /** How long a valid API key's grant is served from memory before PostgreSQL is asked again. */
    @WithDefault("30s")
    Duration keyCacheTtl();

    /** How long an unknown key is remembered as unknown, so floods of bad keys do not reach the database. */
    @WithDefault("5s")
    Duration unknownKeyCacheTtl();

    /** Upper bound of cached keys per instance; the cache is emptied when it is reached. */
    @WithDefault("10000")
    int keyCacheMaxEntries();

    /**
     * How often each instance reads the invalidation epoch from Redis. Revocations and policy
     * changes bump the epoch, so this bounds how long another instance may still accept a revoked key.
     */
    @WithDefault("250ms")
    Duration invalidationPollInterval();

    /**
     * While the epoch cannot be read (Redis down), cached grants older than this are not trusted
     * and the key is looked up again, keeping revocation within about a second even then.
     */
    @WithDefault("1s")
    Duration staleCacheTtl();

    /** Prefix of every Redis key Cordon writes, so a shared Redis can be used safely. */
    @WithDefault("cordon:")
    String redisKeyPrefix();
}
