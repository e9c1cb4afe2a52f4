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
import java.util.List;
import java.util.Map;

/**
 * Where shipping stands: last sequence number, last record hash and last segment hash, kept in
 * Redis next to the spool and, when Redis lost it, recovered from the newest segment in S3 —
 * the object store is the source of truth. Not thread-safe (used by the shipper's thread).
 */
final class ShippedHead {

    static final String ZERO_HASH = "0".repeat(64);

    /** {@code lastSeq == 0} means an empty chain. */
    record State(long lastSeq, String lastHash, String lastSegmentHash) {
        static final State GENESIS = new State(0, ZERO_HASH, ZERO_HASH);
    }

    private final RedisDataSource redis;
    private final S3SegmentStore store;
    private final String key;
    private final String segmentsPrefix;
    private List<ChainedRecord> recoveredTail = List.of();

    ShippedHead(RedisDataSource redis, S3SegmentStore store, String key, String segmentsPrefix) {
        this.redis = redis;
        this.store = store;
        this.key = key;
        this.segmentsPrefix = segmentsPrefix;
    }

    State current() {
        java.util.Optional<State> committed = stored();
        if (committed.isPresent()) {
            return committed.get();
        }
        State recovered = fromStore();
        advance(recovered);
        return recovered;
    }

    /**
     * The records of the segment the head was last recovered from, once: after a recovery the
     * spool may still hold some of them (written, never committed), and those must not ship twice.
     */
    List<ChainedRecord> takeRecoveredTail() {
        List<ChainedRecord> tail = recoveredTail;
        recoveredTail = List.of();
        return tail;
    }

    /** The head as committed in Redis, without recovering it from the store. */
    java.util.Optional<State> stored() {
        Map<String, String> fields = redis.hash(String.class).hgetall(key);
        if (fields == null || !fields.containsKey("seq")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new State(Long.parseLong(fields.get("seq")), fields.get("hash"), fields.get("segment_hash")));
    }

    void advance(State next) {
        redis.hash(String.class).hset(key, fields(next));
    }

    String key() {
        return key;
    }

    private State fromStore() {
        List<String> keys = store.list(segmentsPrefix);
        if (keys.isEmpty()) {
            return State.GENESIS;
        }
        byte[] newest = store.get(keys.get(keys.size() - 1));
        DecodedSegment segment = SegmentCodec.decode(newest);
        recoveredTail = segment.records();
        ChainedRecord last = segment.records().get(segment.records().size() - 1);
        return new State(last.seq(), last.hash(), SegmentCodec.segmentHash(newest));
    }

    private static Map<String, String> fields(State s) {
        return Map.of("seq", Long.toString(s.lastSeq()), "hash", s.lastHash(), "segment_hash", s.lastSegmentHash());
    }
}
