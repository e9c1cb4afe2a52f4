package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.audit.chain.Problem.Kind;
import dev.cordon.audit.chain.Trails.Trail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

    @Test
    void anIntactTrailOfFiveThousandRecordsVerifiesWithItsCountsAndBounds() {
        Trail trail = Trails.build(5, 1000);

        VerificationReport report = AuditVerifier.verify(trail.segments(), Trails.KEYRING, Optional.empty(), Optional.empty(),
                Optional.of(trail.head()));

        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.segments()).isEqualTo(5);
        assertThat(report.recordsVerified()).isEqualTo(5000);
        assertThat(report.records()).isEqualTo(5000);
        assertThat(report.firstSeq()).isEqualTo(1);
        assertThat(report.lastSeq()).isEqualTo(5000);
        assertThat(report.firstTs()).isEqualTo(AuditEvents.START.plusSeconds(1));
        assertThat(report.lastTs()).isEqualTo(AuditEvents.START.plusSeconds(5000));
        assertThat(report.head()).isEqualTo(trail.head());
        assertThat(report.summary()).startsWith("INTACT segments=5 records_verified=5000 records_in_range=5000 seq=1..5000");
    }

    @Test
    void aTimeRangeNarrowsTheCountsButTheWholeTrailIsStillVerified() {
        Trail trail = Trails.build(3, 10);
        Instant from = AuditEvents.START.plusSeconds(5);
        Instant to = AuditEvents.START.plusSeconds(25);

        VerificationReport report = AuditVerifier.verify(trail.segments(), Trails.KEYRING, Optional.of(from), Optional.of(to));

        assertThat(report.intact()).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(30);
        assertThat(report.records()).isEqualTo(20);
        assertThat(report.firstSeq()).isEqualTo(5);
        assertThat(report.lastSeq()).isEqualTo(24);
        assertThat(report.firstTs()).isEqualTo(from);
    }

    @Test
    void segmentsAreReadLazilyAndReadingStopsAtTheFirstProblem() {
        Trail trail = Trails.build(40, 5);
        List<SegmentInput> broken = new ArrayList<>(trail.segments());
        broken.set(0, new SegmentInput(broken.get(0).key(), new byte[] {1, 2, 3}));
        AtomicInteger pulled = new AtomicInteger();
        Iterator<SegmentInput> counting = broken.stream().peek(s -> pulled.incrementAndGet()).iterator();

        VerificationReport report = AuditVerifier.verify(counting, Trails.KEYRING, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(report.problem()).map(Problem::kind).contains(Kind.UNDECODABLE);
        assertThat(pulled.get()).isLessThanOrEqualTo(2 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anEmptyTrailIsIntactWithoutAnAnchorAndTruncatedWithOne() {
        VerificationReport unanchored = AuditVerifier.verify(List.of(), Trails.KEYRING, Optional.empty(), Optional.empty());

        VerificationReport anchored = AuditVerifier.verify(List.of(), Trails.KEYRING, Optional.empty(), Optional.empty(),
                Optional.of(new ChainHead(3, ChainHead.ZERO_HASH)));

        assertThat(unanchored.intact()).isTrue();
        assertThat(unanchored.records()).isZero();
        assertThat(anchored.problem()).map(Problem::kind).contains(Kind.TRUNCATED_TAIL);
    }

    @Test
    void recordsSignedBeforeAKeyRotationStillVerifyWithTheOldKeyInTheKeyring() {
        byte[] newSecret = "k2-secret-fedcba9876543210-fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        AuditKeyring before = Trails.KEYRING;
        AuditKeyring after = new AuditKeyring("k2", Map.of("k1", Trails.SECRET, "k2", newSecret));
        List<SegmentInput> segments = rotatedTrail(before, after);

        VerificationReport withBoth = AuditVerifier.verify(segments, after, Optional.empty(), Optional.empty());
        VerificationReport withNewOnly = AuditVerifier.verify(segments, AuditKeyring.of("k2", newSecret), Optional.empty(), Optional.empty());

        assertThat(withBoth.intact()).as(withBoth.summary()).isTrue();
        assertThat(withBoth.recordsVerified()).isEqualTo(20);
        assertThat(withNewOnly.problem()).map(Problem::kind).contains(Kind.UNKNOWN_KEY);
        assertThat(withNewOnly.problem()).map(Problem::segmentKey).contains(segments.get(0).key());
    }

    private static List<SegmentInput> rotatedTrail(AuditKeyring before, AuditKeyring after) {
        AuditChain chain = AuditChain.genesis(before);
        List<ChainedRecord> first = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            first.add(chain.append(AuditEvents.event(i)));
        }
        byte[] firstGz = SegmentCodec.encode(Trails.CHAIN, first, ChainHead.ZERO_HASH, before);
        ChainHead head = chain.head();
        AuditChain rotated = AuditChain.resume(after, head.lastSeq(), head.lastHash());
        List<ChainedRecord> second = new ArrayList<>();
        for (int i = 11; i <= 20; i++) {
            second.add(rotated.append(AuditEvents.event(i)));
        }
        byte[] secondGz = SegmentCodec.encode(Trails.CHAIN, second, SegmentCodec.segmentHash(firstGz), after);
        return List.of(new SegmentInput(Trails.keyOf(first), firstGz), new SegmentInput(Trails.keyOf(second), secondGz));
    }
}
