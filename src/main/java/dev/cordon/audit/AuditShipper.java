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
import dev.cordon.pipeline.SafeThrowables;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drains the spool in stream order into signed, chained segments on S3. One pass ships at most one
 * segment: read the oldest records, chain and sign them from the recorded head, write the segment
 * (COMPLIANCE-locked) and only then advance the head and delete the shipped records. A crash after
 * the write is repaired on the next pass by adopting the segment that already exists for that
 * sequence range, so nothing is lost or shipped twice.
 *
 * <p>Not thread-safe: driven by {@link AuditShipperService} on one thread, on the instance that
 * holds the shipping lease, so replicas never fork the chain.
 */
final class AuditShipper {

    private static final Logger LOGGER = Logger.getLogger(AuditShipper.class);

    private static final String COMMIT = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('audit shipping lease lost') end
            redis.call('HSET', KEYS[2], 'seq', ARGV[2], 'hash', ARGV[3], 'segment_hash', ARGV[4])
            redis.call('XDEL', KEYS[3], unpack(ARGV, 5))
            return 1
            """;

    private final RedisDataSource redis;
    private final ShippingLease lease;
    private final S3SegmentStore store;
    private final AuditKeyring keyring;
    private final ShippedHead heads;
    private final AuditIndex index;
    private final String stream;
    private final String prefix;
    private final String chainId;
    private final int maxRecords;

    AuditShipper(RedisDataSource redis, ShippingLease lease, S3SegmentStore store, AuditKeyring keyring, ShippedHead heads,
                 AuditIndex index, String stream, String prefix, String chainId, int maxRecords) {
        this.redis = redis;
        this.lease = lease;
        this.store = store;
        this.keyring = keyring;
        this.heads = heads;
        this.index = index;
        this.stream = stream;
        this.prefix = prefix;
        this.chainId = chainId;
        this.maxRecords = maxRecords;
    }

    /** Ships one segment if records are waiting; returns how many records were shipped. */
    int shipOnce() {
        List<StreamMessage<String, String, String>> batch = redis.stream(String.class).xrange(stream, StreamRange.of("-", "+"), maxRecords);
        if (batch.isEmpty()) {
            return 0;
        }
        ShippedHead.State head = heads.current();
        int alreadyShipped = SpoolOverlap.shippedPrefix(heads.takeRecoveredTail(), batch);
        if (alreadyShipped > 0) {
            LOGGER.warnf("dropping %d spooled records already in the trail (head recovered from the object store)", alreadyShipped);
            commit(head, batch, alreadyShipped);
            return alreadyShipped;
        }
        String existing = existingSegment(head.lastSeq() + 1);
        if (existing != null) {
            return adopt(existing, batch);
        }
        AuditChain chain = head.lastSeq() == 0 ? AuditChain.genesis(keyring) : AuditChain.resume(keyring, head.lastSeq(), head.lastHash());
        List<ChainedRecord> records = new ArrayList<>(batch.size());
        for (StreamMessage<String, String, String> message : batch) {
            records.add(chain.append(AuditEventFields.fromFields(message.payload())));
        }
        ChainedRecord last = records.get(records.size() - 1);
        byte[] segment = SegmentCodec.encode(chainId, records, head.lastSegmentHash(), keyring);
        String key = SegmentCodec.objectKey(prefix, chainId, records.get(0).seq(), last.seq());
        store.put(key, segment);
        index(key, records);
        commit(new ShippedHead.State(last.seq(), last.hash(), SegmentCodec.segmentHash(segment)), batch, batch.size());
        return batch.size();
    }

    /** A segment for the next sequence exists: an earlier pass wrote it and died before committing. */
    private int adopt(String key, List<StreamMessage<String, String, String>> batch) {
        DecodedSegment segment = SegmentCodec.decode(store.get(key));
        int count = segment.records().size();
        for (int i = 0; i < count; i++) {
            String expected = segment.records().get(i).event().requestId();
            String spooled = i < batch.size() ? batch.get(i).payload().get("request_id") : null;
            if (spooled != null && !spooled.equals(expected)) {
                throw new IllegalStateException("spool and existing segment disagree at position " + i + " of " + key);
            }
        }
        ChainedRecord last = segment.records().get(count - 1);
        LOGGER.warnf("adopting audit segment written before a crash: key=%s records=%d", key, count);
        index(key, segment.records());
        commit(new ShippedHead.State(last.seq(), last.hash(), segment.segmentHash()), batch, Math.min(count, batch.size()));
        return count;
    }

    /** The index is a convenience over the trail: its failure is reported, never a reason to stop shipping. */
    private void index(String key, List<ChainedRecord> records) {
        try {
            index.add(chainId, key, records);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOGGER.warnf("audit index update failed, trail unaffected: key=%s error=%s", key, SafeThrowables.describe(e));
        }
    }

    private String existingSegment(long firstSeq) {
        List<String> keys = store.list(SegmentCodec.objectKey(prefix, chainId, firstSeq, 0).replaceFirst("-0+\\.jsonl\\.gz$", "-"));
        return keys.isEmpty() ? null : keys.get(0);
    }

    /**
     * Advances the head and deletes the shipped records atomically, and only while this instance
     * still holds the lease: a shipper that lost it (paused, partitioned) cannot move the chain.
     */
    private void commit(ShippedHead.State next, List<StreamMessage<String, String, String>> batch, int shipped) {
        List<String> args = new ArrayList<>(List.of("EVAL", COMMIT, "3", lease.key(), heads.key(), stream, lease.owner(),
                Long.toString(next.lastSeq()), next.lastHash(), next.lastSegmentHash()));
        batch.subList(0, shipped).forEach(m -> args.add(m.id()));
        redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
        LOGGER.debugf("shipped audit records: count=%d last_seq=%d", shipped, next.lastSeq());
    }
}
