package dev.cordon.audit;

import dev.cordon.audit.chain.ChainedRecord;
import io.quarkus.redis.datasource.stream.StreamMessage;
import java.util.List;
import java.util.Objects;

/**
 * Finds spooled records that a segment already holds. Records leave the spool only after their
 * segment is committed, in spool order, so a written-but-uncommitted segment shows up as a prefix
 * of the spool equal to the tail of the newest segment. Records are matched by request id and
 * outcome (a stream has two records with one request id). Stateless.
 */
final class SpoolOverlap {

    private SpoolOverlap() {}

    /** How many leading spool entries are the last records of {@code segmentRecords}; 0 if none. */
    static int shippedPrefix(List<ChainedRecord> segmentRecords, List<StreamMessage<String, String, String>> spool) {
        if (segmentRecords.isEmpty() || spool.isEmpty()) {
            return 0;
        }
        for (int start = 0; start < segmentRecords.size(); start++) {
            int length = segmentRecords.size() - start;
            if (length <= spool.size() && matches(segmentRecords, start, spool, length)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean matches(List<ChainedRecord> records, int start, List<StreamMessage<String, String, String>> spool, int length) {
        for (int i = 0; i < length; i++) {
            ChainedRecord r = records.get(start + i);
            var fields = spool.get(i).payload();
            if (!Objects.equals(r.event().requestId(), fields.get("request_id"))
                    || !Objects.equals(r.event().outcome(), fields.get("outcome"))) {
                return false;
            }
        }
        return true;
    }
}
