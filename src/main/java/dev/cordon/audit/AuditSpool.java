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
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The durable hand-off between a request and the shipper: a Redis Stream on Cordon's own Redis
 * (AOF with {@code appendfsync always}, so an acknowledged append is on disk). A request is answered
 * only after its append is acknowledged; a full spool refuses the append (fail closed) rather than
 * growing without bound. Thread-safe.
 */
@ApplicationScoped
public class AuditSpool {

    /** Appends only while the stream is below the bound, atomically, in one round trip. */
    private static final String BOUNDED_XADD = """
            if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return false end
            return redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
            """;

    private final ReactiveRedisDataSource redis;
    private final String stream;
    private final long maxBacklog;

    AuditSpool(ReactiveRedisDataSource redis, AuditConfig config, dev.cordon.tenancy.TenancyConfig tenancy) {
        this.redis = redis;
        this.stream = tenancy.redisKeyPrefix() + config.spoolStream();
        this.maxBacklog = config.maxBacklog();
    }

    /** Fails with {@link SpoolFullException} when the backlog bound is reached, or when Redis cannot confirm. */
    public Uni<String> append(AuditEvent event) {
        Map<String, String> fields = AuditEventFields.toFields(event);
        List<String> args = new ArrayList<>(4 + fields.size() * 2);
        args.add("EVAL");
        args.add(BOUNDED_XADD);
        args.add("1");
        args.add(stream);
        args.add(Long.toString(maxBacklog));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new)).map(response -> {
            if (response == null) {
                throw new SpoolFullException();
            }
            return response.toString();
        });
    }

    String stream() {
        return stream;
    }

    /** The spool reached its bound: shipping is behind (e.g. the object store is down). */
    public static final class SpoolFullException extends RuntimeException {
        SpoolFullException() {
            super("audit spool full", null, false, false);
        }
    }
}
