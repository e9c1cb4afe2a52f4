package dev.cordon.audit.chain;

import dev.cordon.audit.chain.Problem.Kind;
import java.time.Instant;
import java.util.Optional;

/**
 * The ordered pass over per-segment results: links each segment to the one before (seal hash,
 * chain id, record hash and seq across the boundary), checks the anchor, and accumulates the
 * report figures. Not thread-safe; one per verification, fed segments in key order.
 */
final class TrailWalk {

    private final RangeStats stats;
    private final ChainHead anchor;
    private ChainHead head = ChainHead.GENESIS;
    private String previousSegmentHash = ChainHead.ZERO_HASH;
    private String previousKey;
    private String chainId;
    private int segments;
    private long recordsVerified;

    TrailWalk(Instant from, Instant to, ChainHead anchor) {
        this.stats = new RangeStats(from, to);
        this.anchor = anchor;
    }

    /** Takes the next segment's result; returns the first problem it shows, or null when it extends the trail. */
    Problem step(SegmentCheck check) {
        Problem problem = check.problem != null ? check.problem : link(check);
        if (problem == null) {
            accept(check);
        }
        return problem;
    }

    /** The report once every segment has been stepped through without a problem. */
    VerificationReport finish() {
        if (anchor == null || head.lastSeq() >= anchor.lastSeq()) {
            return report(null);
        }
        String key = previousKey == null ? "(no segments)" : previousKey;
        return report(new Problem(Kind.TRUNCATED_TAIL, key, head.lastSeq() + 1,
                "truncated tail: trail ends at seq " + head.lastSeq() + " but anchor says " + anchor.lastSeq()));
    }

    VerificationReport report(Problem problem) {
        return new VerificationReport(segments, recordsVerified, stats.count, stats.firstSeq, stats.lastSeq, stats.firstTs,
                stats.lastTs, head, Optional.ofNullable(problem));
    }

    private Problem link(SegmentCheck check) {
        chainId = chainId == null ? check.seal.chainId() : chainId;
        if (!check.seal.chainId().equals(chainId)) {
            return check.problem(Kind.SEGMENT_CHAIN_BREAK, -1, "segment belongs to chain " + check.seal.chainId() + ", not " + chainId);
        }
        if (!check.seal.prevSegmentHash().equals(previousSegmentHash)) {
            return check.problem(Kind.SEGMENT_CHAIN_BREAK, -1, previousKey == null
                    ? "first segment's prev_segment_hash is not the genesis hash: earlier segments are missing"
                    : "prev_segment_hash is not the hash of " + previousKey + ": a segment was deleted, replaced or reordered");
        }
        return linkRecords(check);
    }

    private Problem linkRecords(SegmentCheck check) {
        if (!check.first.prevHash().equals(head.lastHash())) {
            return check.problem(Kind.CHAIN_BREAK, check.first.seq(), "record seq " + check.first.seq()
                    + " prev_hash is not the hash of the previous segment's last record (seq " + head.lastSeq() + ")");
        }
        if (check.first.seq() != head.lastSeq() + 1) {
            return check.problem(Kind.SEQ_GAP, check.first.seq(), "expected seq " + (head.lastSeq() + 1) + " but found seq " + check.first.seq());
        }
        if (check.anchorSeqHash != null && !check.anchorSeqHash.equals(anchor.lastHash())) {
            return check.problem(Kind.CHAIN_BREAK, anchor.lastSeq(), "record seq " + anchor.lastSeq() + " hash does not match the anchor");
        }
        return check.keyNameProblem;
    }

    private void accept(SegmentCheck check) {
        segments++;
        recordsVerified += check.recordCount;
        stats.add(check.stats);
        head = new ChainHead(check.last.seq(), check.last.hash());
        previousSegmentHash = check.segmentHash;
        previousKey = check.key;
    }
}
