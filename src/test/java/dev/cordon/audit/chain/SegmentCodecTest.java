package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCodecTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T14:00:00.000Z");

    private static List<ChainedRecord> records(int count) {
        AuditChain chain = AuditChain.genesis(Trails.KEYRING);
        List<ChainedRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(chain.append(AuditEvents.event(i)));
        }
        return records;
    }

    @Test
    void aSegmentDecodesToTheRecordsItWasEncodedFrom() {
        List<ChainedRecord> records = records(3);

        DecodedSegment decoded = SegmentCodec.decode(SegmentCodec.encode("gw-1", records, ChainHead.ZERO_HASH, Trails.KEYRING, CREATED));

        assertThat(decoded.records()).isEqualTo(records);
        assertThat(decoded.seal()).extracting(SegmentSeal::chainId, SegmentSeal::firstSeq, SegmentSeal::lastSeq, SegmentSeal::count,
                SegmentSeal::created, SegmentSeal::keyId).containsExactly("gw-1", 1L, 3L, 3L, CREATED, "k1");
        assertThat(decoded.computedRecordsHash()).isEqualTo(decoded.seal().recordsHash());
        assertThat(decoded.head()).isEqualTo(new ChainHead(3, records.get(2).hash()));
    }

    @Test
    void givenARecordWithRouteAttemptsWhenEncodedThenItIsSignedAndDecodesUnchanged() {
        AuditEvent base = AuditEvents.event(1);
        AuditEvent fallback = new AuditEvent(base.ts(), base.requestId(), base.traceId(), base.tenant(), base.actor(), base.actorType(),
                base.authMethod(), base.action(), base.model(), "backup", "covered", base.patientId(), base.documentId(),
                base.purposeOfUse(), base.phiTypes(), base.outcome(), null, 200, 1, 1, 1, base.ip(), base.userAgent(), false,
                "gpt@openai:upstream_timeout>gpt-az@backup:ok");
        List<ChainedRecord> records = List.of(AuditChain.genesis(Trails.KEYRING).append(fallback));

        byte[] gz = SegmentCodec.encode("gw-1", records, ChainHead.ZERO_HASH, Trails.KEYRING, CREATED);

        assertThat(SegmentCodec.decode(gz).records()).isEqualTo(records);
        assertThat(Trails.lines(gz).get(0)).contains("\"route_attempts\":\"gpt@openai:upstream_timeout>gpt-az@backup:ok\"");
        assertThat(Trails.lines(SegmentCodec.encode("gw-1", records(1), ChainHead.ZERO_HASH, Trails.KEYRING, CREATED)).get(0))
                .doesNotContain("route_attempts");
    }

    @Test
    void theSegmentIsJsonLinesEndingInOneSealAndTheSegmentHashIsTheSealLinesHash() {
        byte[] gz = SegmentCodec.encode("gw-1", records(2), ChainHead.ZERO_HASH, Trails.KEYRING, CREATED);

        List<String> lines = Trails.lines(gz);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("{\"chain\":\"gw-1\",\"count\":2,\"created\":\"2026-11-23T14:00:00.000Z\",\"first_seq\":1,")
                .contains("\"type\":\"seal\"");
        assertThat(SegmentCodec.segmentHash(gz)).isEqualTo(Hashing.sha256Hex(lines.get(2).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SegmentCodec.segmentHash(SegmentCodec.decode(gz)));
    }

    @Test
    void encodingTheSameRecordsWithTheSameCreatedGivesTheSameBytes() {
        List<ChainedRecord> records = records(2);

        byte[] first = SegmentCodec.encode("gw-1", records, ChainHead.ZERO_HASH, Trails.KEYRING, CREATED);

        assertThat(SegmentCodec.encode("gw-1", records, ChainHead.ZERO_HASH, Trails.KEYRING, CREATED)).isEqualTo(first);
    }

    @Test
    void recordsThatDoNotFollowEachOtherAreRefused() {
        List<ChainedRecord> gapped = new ArrayList<>(records(3));
        gapped.remove(1);

        assertThatThrownBy(() -> SegmentCodec.encode("gw-1", gapped, ChainHead.ZERO_HASH, Trails.KEYRING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq 3");
        assertThatThrownBy(() -> SegmentCodec.encode("gw-1", List.of(), ChainHead.ZERO_HASH, Trails.KEYRING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignedBodyCutFromAStoredLineIsExactlyTheCanonicalBodyEvenWithHmacLookalikesInValues() {
        AuditEvent tricky = new AuditEvent(CREATED, "\"hmac\":\"", null, null, null, null, null, null, null, null, null, null,
                null, null, java.util.Map.of("hmac", new PhiTypeUse(1, "\"hmac\":\"")), null, null, 0, 0, 0, 0, null, "x,\"hmac\":\"y", false);
        List<ChainedRecord> records = List.of(AuditChain.genesis(Trails.KEYRING).append(tricky));

        RawSegment raw = RawSegment.read(SegmentCodec.encode("gw-1", records, ChainHead.ZERO_HASH, Trails.KEYRING, CREATED));

        assertThat(raw.record(0)).isEqualTo(records.get(0));
        assertThat(raw.signedBody(0)).isEqualTo(records.get(0).body());
    }

    @Test
    void objectKeysArePaddedSoTheySortInChainOrder() {
        String key = SegmentCodec.objectKey("audit/", "gw-1", 1, 1000);

        assertThat(key).isEqualTo("audit/gw-1/segments/00000000000000000001-00000000000000001000.jsonl.gz");
        assertThat(SegmentCodec.objectKey("audit/", "gw-1", 1001, 2000)).isGreaterThan(key);
        assertThatThrownBy(() -> SegmentCodec.objectKey("audit/", "../x", 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesThatAreNotASegmentFailWithAFormatError() {
        byte[] gz = SegmentCodec.encode("gw-1", records(2), ChainHead.ZERO_HASH, Trails.KEYRING, CREATED);

        assertThatThrownBy(() -> SegmentCodec.decode("plain".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SegmentFormatException.class).hasMessageContaining("gzip");
        assertThatThrownBy(() -> SegmentCodec.decode(Arrays.copyOf(gz, gz.length / 2))).isInstanceOf(SegmentFormatException.class);
        List<String> noSeal = Trails.lines(gz).subList(0, 2);
        assertThatThrownBy(() -> SegmentCodec.decode(Trails.gzipLines(noSeal)))
                .isInstanceOf(SegmentFormatException.class).hasMessageContaining("not a seal");
    }

    @Test
    void aRecordLineWithAnExtraOrReformattedFieldIsNotAcceptedAsCanonical() {
        List<String> lines = Trails.lines(SegmentCodec.encode("gw-1", records(1), ChainHead.ZERO_HASH, Trails.KEYRING, CREATED));
        List<String> spaced = List.of(lines.get(0).replace("\"seq\":1", "\"seq\": 1"), lines.get(1));
        List<String> extra = List.of(lines.get(0).replace("{\"action\"", "{\"aaa\":\"x\",\"action\""), lines.get(1));

        assertThatThrownBy(() -> SegmentCodec.decode(Trails.gzipLines(spaced))).hasMessageContaining("record line 1");
        assertThatThrownBy(() -> SegmentCodec.decode(Trails.gzipLines(extra))).hasMessageContaining("record line 1");
    }
}
