package dev.cordon.audit.chain;

import java.util.List;

/**
 * A segment read back by {@link SegmentCodec#decode}: well-formed, but not yet authenticated —
 * only {@link AuditVerifier} checks signatures and links. Immutable and thread-safe.
 *
 * @param records             the records in stored order, never empty
 * @param computedRecordsHash SHA-256 over the stored record lines; differs from the seal's if content was changed
 * @param segmentHash         SHA-256 of the seal line: the next segment's {@code prev_segment_hash}
 */
public record DecodedSegment(SegmentSeal seal, List<ChainedRecord> records, String computedRecordsHash, String segmentHash) {

    public DecodedSegment {
        records = List.copyOf(records);
    }

    /** Seq and hash of the last stored record: where a writer resumes the chain after this segment. */
    public ChainHead head() {
        ChainedRecord last = records.get(records.size() - 1);
        return new ChainHead(last.seq(), last.hash());
    }
}
