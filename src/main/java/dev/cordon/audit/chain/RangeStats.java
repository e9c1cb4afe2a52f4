package dev.cordon.audit.chain;

import java.time.Instant;

/** Counts records whose ts is in [from, to) and tracks their seq and ts extremes. Not thread-safe. */
final class RangeStats {

    private final Instant from;
    private final Instant to;
    long count;
    long firstSeq = -1;
    long lastSeq = -1;
    Instant firstTs;
    Instant lastTs;

    RangeStats(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    void accept(long seq, Instant ts) {
        if (from != null && ts.isBefore(from) || to != null && !ts.isBefore(to)) {
            return;
        }
        count++;
        firstSeq = firstSeq < 0 ? seq : Math.min(firstSeq, seq);
        lastSeq = Math.max(lastSeq, seq);
        firstTs = firstTs == null || ts.isBefore(firstTs) ? ts : firstTs;
        lastTs = lastTs == null || ts.isAfter(lastTs) ? ts : lastTs;
    }

    void add(RangeStats other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        firstSeq = firstSeq < 0 ? other.firstSeq : Math.min(firstSeq, other.firstSeq);
        lastSeq = Math.max(lastSeq, other.lastSeq);
        firstTs = firstTs == null || other.firstTs.isBefore(firstTs) ? other.firstTs : firstTs;
        lastTs = lastTs == null || other.lastTs.isAfter(lastTs) ? other.lastTs : lastTs;
    }
}
