package dev.cordon.audit;

import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.DecodedSegment;
import dev.cordon.audit.chain.PhiTypeUse;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.audit.chain.VerificationReport;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Duration;
import java.util.UUID;

/**
 * A Redis lease naming the one instance that may ship a chain, so replicas never fork it. The
 * holder renews it on every pass; if the holder dies, another instance takes over after the TTL.
 * Not thread-safe (used by the shipper's thread).
 */
final class ShippingLease {

    private static final String ACQUIRE_OR_RENEW = """
            local v = redis.call('GET', KEYS[1])
            if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
            if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final RedisDataSource redis;
    private final String key;
    private final String owner = UUID.randomUUID().toString();
    private final Duration ttl;

    ShippingLease(RedisDataSource redis, String key, Duration ttl) {
        this.redis = redis;
        this.key = key;
        this.ttl = ttl;
    }

    /** True when this instance holds the lease (newly or still). */
    boolean tryHold() {
        return redis.execute("EVAL", ACQUIRE_OR_RENEW, "1", key, owner, Long.toString(ttl.toMillis())).toInteger() == 1;
    }

    void release() {
        redis.execute("EVAL", RELEASE, "1", key, owner);
    }

    String key() {
        return key;
    }

    String owner() {
        return owner;
    }
}
