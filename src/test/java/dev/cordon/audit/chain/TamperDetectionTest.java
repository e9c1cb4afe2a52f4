package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.audit.chain.Problem.Kind;
import dev.cordon.audit.chain.Trails.Trail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tampering with a stored trail (5 segments of 10 records: segment 2 holds seq 21..30) is
 * found, with the right kind, segment and seq. The first rows need only write access to the
 * bucket; the "key holder" rows model a forger who can sign, and must still leave a visible break.
 */
class TamperDetectionTest {

    private static final Trail TRAIL = Trails.build(5, 10);
    private static final Instant CREATED = Instant.parse("2026-11-23T15:00:00Z");
    private static final byte[] OTHER_SECRET = "another-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.US_ASCII);

    /** What the verifier is given after an attack. */
    record Attempt(List<SegmentInput> segments, AuditKeyring keyring, Optional<ChainHead> anchor) {

        static Attempt of(List<SegmentInput> segments) {
            return new Attempt(segments, Trails.KEYRING, Optional.of(TRAIL.head()));
        }
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                row("editing one character of a record is a content mismatch at that record",
                        t -> Attempt.of(Trails.editLines(t.segments(), 2, lines -> replaceIn(lines, 4, "acme-health", "acme-hea1th"))),
                        Kind.CONTENT_MISMATCH, 2, 25),
                row("deleting a record is a content mismatch where the chain breaks",
                        t -> Attempt.of(Trails.editLines(t.segments(), 2, lines -> without(lines, 4))), Kind.CONTENT_MISMATCH, 2, 26),
                row("deleting the last record of a segment is a content mismatch",
                        t -> Attempt.of(Trails.editLines(t.segments(), 2, lines -> without(lines, 9))), Kind.CONTENT_MISMATCH, 2, -1),
                row("reordering two records is a content mismatch at the first out of place",
                        t -> Attempt.of(Trails.editLines(t.segments(), 2, lines -> swapped(lines, 4, 5))), Kind.CONTENT_MISMATCH, 2, 26),
                row("breaking a record's JSON is a content mismatch at that position",
                        t -> Attempt.of(Trails.editLines(t.segments(), 2, lines -> replaceIn(lines, 4, "{", "["))), Kind.CONTENT_MISMATCH, 2, 25),
                row("deleting a middle segment breaks the segment chain at the next one",
                        t -> Attempt.of(withoutSegment(t.segments(), 2)), Kind.SEGMENT_CHAIN_BREAK, 2, -1),
                row("deleting the first segment breaks the segment chain at the start",
                        t -> Attempt.of(withoutSegment(t.segments(), 0)), Kind.SEGMENT_CHAIN_BREAK, 0, -1),
                row("swapping the contents of two segments breaks the segment chain at the first",
                        t -> Attempt.of(swappedContents(t.segments(), 1, 2)), Kind.SEGMENT_CHAIN_BREAK, 1, -1),
                row("dropping the last segment is a truncated tail against the anchor",
                        t -> Attempt.of(withoutSegment(t.segments(), 4)), Kind.TRUNCATED_TAIL, 3, 41),
                row("an anchor from another history is a chain break at the anchor's seq",
                        t -> new Attempt(t.segments(), Trails.KEYRING, Optional.of(new ChainHead(45, ChainHead.ZERO_HASH))),
                        Kind.CHAIN_BREAK, 4, 45),
                row("verifying with a different secret under the same key id fails the first seal",
                        t -> new Attempt(t.segments(), AuditKeyring.of("k1", OTHER_SECRET), Optional.empty()), Kind.BAD_SEAL_SIGNATURE, 0, -1),
                row("a forged segment signed with an unknown key id is an unknown key",
                        t -> Attempt.of(replaced(t.segments(), 2, forgedSegment(t, AuditKeyring.of("evil", OTHER_SECRET)))), Kind.UNKNOWN_KEY, 2, -1),
                row("a forged segment signed under the real key id with another secret fails its seal",
                        t -> Attempt.of(replaced(t.segments(), 2, forgedSegment(t, AuditKeyring.of("k1", OTHER_SECRET)))),
                        Kind.BAD_SEAL_SIGNATURE, 2, -1),
                row("garbled segment bytes are undecodable",
                        t -> Attempt.of(replaced(t.segments(), 2, truncatedBytes(t.segments().get(2)))), Kind.UNDECODABLE, 2, -1),
                row("a segment stored under another range's object key is a key name mismatch",
                        t -> Attempt.of(renamed(t.segments(), 2, SegmentCodec.objectKey(Trails.PREFIX, Trails.CHAIN, 21, 31))),
                        Kind.KEY_NAME_MISMATCH, 2, -1),
                row("a key holder re-sealing an edited record still leaves a bad record signature",
                        t -> Attempt.of(replaced(t.segments(), 2, resealedWithEditedRecord(t))), Kind.BAD_RECORD_SIGNATURE, 2, 25),
                row("a key holder re-sealing without a record still leaves a chain break",
                        t -> Attempt.of(replaced(t.segments(), 2, resealedWithoutRecord(t))), Kind.CHAIN_BREAK, 2, 26),
                row("a key holder renumbering a segment still leaves a seq gap",
                        t -> Attempt.of(renumberedSegment(t)), Kind.SEQ_GAP, 2, 22),
                row("a key holder re-sealing with a wrong count is a seal mismatch",
                        t -> Attempt.of(replaced(t.segments(), 2, resealed(t.segments().get(2), seal -> withChainAndCount(seal, seal.chainId(), 11)))),
                        Kind.SEAL_MISMATCH, 2, -1),
                row("a key holder sealing with a chain id that is not a path segment makes the segment undecodable",
                        t -> Attempt.of(replaced(t.segments(), 2, resealed(t.segments().get(2), seal -> withChainAndCount(seal, "gw/1", 10)))),
                        Kind.UNDECODABLE, 2, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void tamperingIsFoundWithItsKindAndLocation(String description, Function<Trail, Attempt> attack, Kind kind, int segment, long seq) {
        Attempt attempt = attack.apply(TRAIL);

        VerificationReport report = AuditVerifier.verify(attempt.segments(), attempt.keyring(), Optional.empty(), Optional.empty(),
                attempt.anchor());

        assertThat(report.intact()).isFalse();
        Problem problem = report.problem().orElseThrow();
        assertThat(problem.kind()).as(problem.toString()).isEqualTo(kind);
        assertThat(problem.segmentKey()).as(problem.toString()).isEqualTo(attempt.segments().get(segment).key());
        assertThat(problem.seq()).as(problem.toString()).isEqualTo(seq);
        assertThat(report.segments()).as("segments verified before the break").isEqualTo(kind == Kind.TRUNCATED_TAIL ? 4 : segment);
    }

    private static Arguments row(String description, Function<Trail, Attempt> attack, Kind kind, int segment, long seq) {
        return Arguments.of(description, attack, kind, segment, seq);
    }

    private static List<String> replaceIn(List<String> lines, int index, String from, String to) {
        lines.set(index, lines.get(index).replaceFirst(java.util.regex.Pattern.quote(from), to));
        return lines;
    }

    private static List<String> without(List<String> lines, int index) {
        lines.remove(index);
        return lines;
    }

    private static List<String> swapped(List<String> lines, int a, int b) {
        Collections.swap(lines, a, b);
        return lines;
    }

    private static List<SegmentInput> withoutSegment(List<SegmentInput> segments, int index) {
        List<SegmentInput> copy = new ArrayList<>(segments);
        copy.remove(index);
        return copy;
    }

    private static List<SegmentInput> replaced(List<SegmentInput> segments, int index, byte[] bytes) {
        return renamedWith(segments, index, segments.get(index).key(), bytes);
    }

    private static List<SegmentInput> renamed(List<SegmentInput> segments, int index, String key) {
        return renamedWith(segments, index, key, segments.get(index).bytes());
    }

    private static List<SegmentInput> renamedWith(List<SegmentInput> segments, int index, String key, byte[] bytes) {
        List<SegmentInput> copy = new ArrayList<>(segments);
        copy.set(index, new SegmentInput(key, bytes));
        return copy;
    }

    private static List<SegmentInput> swappedContents(List<SegmentInput> segments, int a, int b) {
        return replaced(replaced(segments, a, segments.get(b).bytes()), b, segments.get(a).bytes());
    }

    private static byte[] truncatedBytes(SegmentInput segment) {
        return Arrays.copyOf(segment.bytes(), segment.bytes().length / 2);
    }

    /** Records of segment 2 as an attacker would forge them: linked to segment 1 and signed by {@code keyring}. */
    private static byte[] forgedSegment(Trail trail, AuditKeyring keyring) {
        ChainHead head = SegmentCodec.decode(trail.segments().get(1).bytes()).head();
        AuditChain chain = AuditChain.resume(keyring, head.lastSeq(), head.lastHash());
        List<ChainedRecord> forged = new ArrayList<>();
        for (int i = 21; i <= 30; i++) {
            forged.add(chain.append(AuditEvents.bare(AuditEvents.START.plusSeconds(i))));
        }
        return SegmentCodec.encode(Trails.CHAIN, forged, SegmentCodec.segmentHash(trail.segments().get(1).bytes()), keyring, CREATED);
    }

    private static byte[] resealedWithEditedRecord(Trail trail) {
        List<ChainedRecord> records = new ArrayList<>(SegmentCodec.decode(trail.segments().get(2).bytes()).records());
        ChainedRecord original = records.get(4);
        AuditEvent edited = AuditEvents.bare(original.event().ts());
        ChainedRecord unhashed = new ChainedRecord(original.seq(), edited, original.prevHash(), original.keyId(), original.hmac(), "");
        records.set(4, new ChainedRecord(original.seq(), edited, original.prevHash(), original.keyId(), original.hmac(),
                Hashing.sha256Hex(unhashed.line())));
        return sealed(trail, records);
    }

    private static byte[] resealedWithoutRecord(Trail trail) {
        List<ChainedRecord> records = new ArrayList<>(SegmentCodec.decode(trail.segments().get(2).bytes()).records());
        records.remove(4);
        return sealed(trail, records);
    }

    private static byte[] sealed(Trail trail, List<ChainedRecord> records) {
        String prevSegmentHash = SegmentCodec.segmentHash(trail.segments().get(1).bytes());
        return SegmentCodec.sealUnchecked(Trails.CHAIN, records, prevSegmentHash, Trails.KEYRING, CREATED);
    }

    private static List<SegmentInput> renumberedSegment(Trail trail) {
        ChainHead head = SegmentCodec.decode(trail.segments().get(1).bytes()).head();
        AuditChain skipping = AuditChain.resume(Trails.KEYRING, head.lastSeq() + 1, head.lastHash());
        List<ChainedRecord> records = new ArrayList<>();
        for (int i = 21; i <= 30; i++) {
            records.add(skipping.append(AuditEvents.event(i)));
        }
        byte[] gz = SegmentCodec.encode(Trails.CHAIN, records, SegmentCodec.segmentHash(trail.segments().get(1).bytes()), Trails.KEYRING);
        return renamedWith(trail.segments(), 2, Trails.keyOf(records), gz);
    }

    private static SegmentSeal withChainAndCount(SegmentSeal seal, String chainId, long count) {
        return new SegmentSeal(chainId, seal.firstSeq(), seal.lastSeq(), count, seal.prevSegmentHash(), seal.recordsHash(),
                seal.created(), seal.keyId(), seal.hmac());
    }

    /** Replaces the seal with {@code change} applied and validly re-signed, as a key holder could. */
    private static byte[] resealed(SegmentInput segment, UnaryOperator<SegmentSeal> change) {
        List<String> lines = Trails.lines(segment.bytes());
        SegmentSeal seal = change.apply(SegmentCodec.decode(segment.bytes()).seal());
        String hmac = Trails.KEYRING.hmacHex(seal.keyId(), seal.body());
        SegmentSeal signed = new SegmentSeal(seal.chainId(), seal.firstSeq(), seal.lastSeq(), seal.count(), seal.prevSegmentHash(),
                seal.recordsHash(), seal.created(), seal.keyId(), hmac);
        lines.set(lines.size() - 1, new String(signed.line(), StandardCharsets.UTF_8));
        return Trails.gzipLines(lines);
    }
}
