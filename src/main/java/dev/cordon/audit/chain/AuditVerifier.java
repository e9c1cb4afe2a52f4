package dev.cordon.audit.chain;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
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
 * Verification stops at the first problem.
 *
 * <p>Stateless and thread-safe. Segments are decoded and checked in parallel on a short-lived
 * pool of one thread per core, at most two per thread ahead of the ordered cross-segment pass,
 * which runs on the caller's thread. A call blocks until done: do not call it on an event loop.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** Verifies without an external anchor: a trail cut after a segment boundary looks intact. */
    public static VerificationReport verify(List<SegmentInput> segmentsInKeyOrder, AuditKeyring keyring, Optional<Instant> from,
            Optional<Instant> to) {
        return verify(segmentsInKeyOrder.iterator(), keyring, from, to, Optional.empty());
    }

    /** As {@link #verify(Iterator, AuditKeyring, Optional, Optional, Optional)} for segments already in memory. */
    public static VerificationReport verify(List<SegmentInput> segmentsInKeyOrder, AuditKeyring keyring, Optional<Instant> from,
            Optional<Instant> to, Optional<ChainHead> expectedHead) {
        return verify(segmentsInKeyOrder.iterator(), keyring, from, to, expectedHead);
    }

    /**
     * Verifies segments as the iterator yields them (e.g. while downloading), holding only a few in
     * memory; {@code next()} is called on the caller's thread.
     *
     * @param from         records with ts at or after this count in the report's range figures; empty for no lower bound
     * @param to           records with ts before this count; empty for no upper bound
     * @param expectedHead a head recorded elsewhere (e.g. the spool's last shipped record); the trail must reach it
     */
    public static VerificationReport verify(Iterator<SegmentInput> segmentsInKeyOrder, AuditKeyring keyring, Optional<Instant> from,
            Optional<Instant> to, Optional<ChainHead> expectedHead) {
        Objects.requireNonNull(keyring, "keyring");
        TrailWalk walk = new TrailWalk(from.orElse(null), to.orElse(null), expectedHead.orElse(null));
        long anchorSeq = expectedHead.map(ChainHead::lastSeq).orElse(-1L);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, AuditVerifier::daemon);
        try {
            ArrayDeque<Future<SegmentCheck>> ahead = new ArrayDeque<>();
            while (true) {
                while (ahead.size() < 2 * threads && segmentsInKeyOrder.hasNext()) {
                    SegmentInput segment = segmentsInKeyOrder.next();
                    RangeStats stats = new RangeStats(from.orElse(null), to.orElse(null));
                    ahead.add(pool.submit(() -> SegmentCheck.run(segment, keyring, stats, anchorSeq)));
                }
                if (ahead.isEmpty()) {
                    return walk.finish();
                }
                Problem problem = walk.step(await(ahead.poll()));
                if (problem != null) {
                    return walk.report(problem);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SegmentCheck await(Future<SegmentCheck> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit verification failed unexpectedly", e.getCause());
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "audit-verify");
        thread.setDaemon(true);
        return thread;
    }
}
