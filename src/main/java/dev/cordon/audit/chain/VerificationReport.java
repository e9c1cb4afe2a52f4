package dev.cordon.audit.chain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found. Immutable and thread-safe.
 *
 * <p>Counts cover the segments verified before the first problem (all of them when intact).
 * {@code records}, {@code firstSeq}, {@code lastSeq}, {@code firstTs} and {@code lastTs} describe
 * only records whose ts falls in the requested time range; with none in range the seqs are -1
 * and the instants null. {@code firstTs}/{@code lastTs} are the earliest and latest ts, which
 * need not belong to the first and last seq because requests finish out of order.
 *
 * @param segments        segments fully verified
 * @param recordsVerified records verified, whatever their ts
 * @param head            seq and hash of the last verified record: an anchor for the next verification
 * @param problem         the first break, empty when the trail is intact
 */
public record VerificationReport(int segments, long recordsVerified, long records, long firstSeq, long lastSeq,
        Instant firstTs, Instant lastTs, ChainHead head, Optional<Problem> problem) {

    public VerificationReport {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(problem, "problem");
    }

    public boolean intact() {
        return problem.isEmpty();
    }

    /** One line for the CLI and logs, e.g. {@code INTACT segments=5 records=5000 seq=1..5000 ts=...}. */
    public String summary() {
        String range = records == 0 ? "none in range"
                : "seq=" + firstSeq + ".." + lastSeq + " ts=" + CanonicalJson.timestamp(firstTs) + ".." + CanonicalJson.timestamp(lastTs);
        String counts = "segments=" + segments + " records_verified=" + recordsVerified + " records_in_range=" + records + " " + range
                + " head_seq=" + head.lastSeq();
        return problem.map(p -> "BROKEN " + p + " (verified before the break: " + counts + ")").orElse("INTACT " + counts);
    }
}
