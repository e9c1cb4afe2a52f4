package dev.cordon.audit.chain;

import dev.cordon.audit.chain.Problem.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a chain's segments, given in object-key order from the genesis segment on, and reports
 * the first broken point. Per segment, in order: decodable; seal key known and seal HMAC valid;
 * records hash to the seal's records_hash; each record's key known, HMAC valid, prev_hash linked
 * and seq consecutive; seal range and count agree with the records; then across segments:
 * prev_segment_hash links to the previous seal, records link across the boundary, the object
 * key's range matches the seal; finally the optional anchor rules out a truncated tail.
 *
 * <p>Stateless and thread-safe. Segments are decoded and checked in parallel on a short-lived
 * pool of one thread per core; the cross-segment checks run in key order on the caller's thread.
 * A call blocks until done, so do not call it on an event loop.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** Verifies without an external anchor: a trail cut after a segment boundary looks intact. */
    public static VerificationReport verify(List<SegmentInput> segmentsInKeyOrder, AuditKeyring keyring, Optional<Instant> from,
            Optional<Instant> to) {
        return verify(segmentsInKeyOrder, keyring, from, to, Optional.empty());
    }

    /**
     * @param from         records with ts at or after this count in the report's range figures; empty for no lower bound
     * @param to           records with ts before this count; empty for no upper bound
     * @param expectedHead a head recorded elsewhere (e.g. the spool's last shipped record); the trail must reach it
     */
    public static VerificationReport verify(List<SegmentInput> segmentsInKeyOrder, AuditKeyring keyring, Optional<Instant> from,
            Optional<Instant> to, Optional<ChainHead> expectedHead) {
        Objects.requireNonNull(keyring, "keyring");
        long anchorSeq = expectedHead.map(ChainHead::lastSeq).orElse(-1L);
        List<SegmentCheck> checks = checkAll(segmentsInKeyOrder, keyring, from.orElse(null), to.orElse(null), anchorSeq);
        return new TrailWalk(from.orElse(null), to.orElse(null), expectedHead.orElse(null)).walk(checks);
    }

    private static List<SegmentCheck> checkAll(List<SegmentInput> segments, AuditKeyring keyring, Instant from, Instant to, long anchorSeq) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), segments.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SegmentCheck>> futures = new ArrayList<>(segments.size());
            for (SegmentInput segment : segments) {
                futures.add(pool.submit(() -> SegmentCheck.run(segment, keyring, new RangeStats(from, to), anchorSeq)));
            }
            List<SegmentCheck> checks = new ArrayList<>(segments.size());
            for (Future<SegmentCheck> future : futures) {
                checks.add(future.get());
            }
            return checks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit verification failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ordered pass over per-segment results. Not thread-safe; one per verification. */
    private static final class TrailWalk {

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

        VerificationReport walk(List<SegmentCheck> checks) {
            for (SegmentCheck check : checks) {
                Problem problem = check.problem != null ? check.problem : link(check);
                if (problem != null) {
                    return report(problem);
                }
                accept(check);
            }
            return report(tailProblem(checks));
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

        private Problem tailProblem(List<SegmentCheck> checks) {
            if (anchor == null || head.lastSeq() >= anchor.lastSeq()) {
                return null;
            }
            String key = checks.isEmpty() ? "(no segments)" : checks.get(checks.size() - 1).key;
            return new Problem(Kind.TRUNCATED_TAIL, key, head.lastSeq() + 1,
                    "truncated tail: trail ends at seq " + head.lastSeq() + " but anchor says " + anchor.lastSeq());
        }

        private VerificationReport report(Problem problem) {
            return new VerificationReport(segments, recordsVerified, stats.count, stats.firstSeq, stats.lastSeq, stats.firstTs,
                    stats.lastTs, head, Optional.ofNullable(problem));
        }
    }
}
