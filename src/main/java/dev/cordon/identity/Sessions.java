package dev.cordon.identity;

import dev.cordon.tenancy.TenancyConfig;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Automatic logoff for human sessions. The absolute lifetime is checked from the token itself, so
 * no lost Redis key can extend it; the idle timeout and revocations live in Redis, so every
 * instance sees them on the next request. Thread-safe.
 */
@ApplicationScoped
public class Sessions {

    /** The verdict on one request of a session. */
    public enum Verdict { ACTIVE, EXPIRED, REVOKED }

    // KEYS: session last-seen, revoked session, revoked subject. ARGV: idle ms, ms since authentication.
    private static final String TOUCH = """
            if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return 'revoked' end
            if redis.call('EXISTS', KEYS[1]) == 0 and tonumber(ARGV[2]) > tonumber(ARGV[1]) then return 'expired' end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return 'active'
            """;

    private final ReactiveRedisDataSource redis;
    private final IdentityConfig config;
    private final String prefix;

    Sessions(@RedisClientName("state") ReactiveRedisDataSource redis, IdentityConfig config, TenancyConfig tenancy) {
        this.redis = redis;
        this.config = config;
        this.prefix = tenancy.redisKeyPrefix() + "sessions:";
    }

    /** Records activity of a session and says whether it may go on. Fails when Redis cannot answer. */
    Uni<Verdict> touch(String tenant, String subject, String sid, long authenticatedAtEpochSeconds) {
        long sinceAuthMillis = System.currentTimeMillis() - authenticatedAtEpochSeconds * 1000;
        if (sinceAuthMillis > config.sessionAbsoluteTimeout().toMillis()) {
            return Uni.createFrom().item(Verdict.EXPIRED);
        }
        return redis.execute("EVAL", TOUCH, "3", key("active", tenant, sid), key("revoked", tenant, sid),
                        key("revoked-subject", tenant, subject), Long.toString(config.sessionIdleTimeout().toMillis()),
                        Long.toString(sinceAuthMillis))
                .map(r -> Verdict.valueOf(r.toString().toUpperCase()));
    }

    /** Ends one session everywhere. */
    public Uni<Void> revokeSession(String tenant, String sid) {
        return redis.value(String.class).psetex(key("revoked", tenant, sid), config.sessionAbsoluteTimeout().toMillis(), "1");
    }

    /**
     * Ends every session of a user everywhere. Kept for at least a day, longer than the absolute
     * session lifetime, because tokens without a session id are held only to their own expiry.
     */
    public Uni<Void> revokeSubject(String tenant, String subject) {
        long ttl = Math.max(config.sessionAbsoluteTimeout().toMillis(), java.time.Duration.ofDays(1).toMillis());
        return redis.value(String.class).psetex(key("revoked-subject", tenant, subject), ttl, "1");
    }

    /** Whether all of a user's sessions were ended (see {@link #revokeSubject}). Fails when Redis cannot answer. */
    Uni<Boolean> subjectRevoked(String tenant, String subject) {
        return redis.key(String.class).exists(key("revoked-subject", tenant, subject));
    }

    private String key(String kind, String tenant, String id) {
        return prefix + kind + ":" + tenant + ":" + id;
    }
}
