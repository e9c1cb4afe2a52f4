package dev.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.support.UpstreamStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A shipper that died between writing a segment and committing it leaves nothing lost or doubled. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ShipperCrashRecoveryTest {

    @Inject
    RedisDataSource redis;

    @Inject
    AuditIndex index;

    private final AuditKeyring keyring = AuditKeyring.of("k1", "crash-recovery-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final S3SegmentStore store = new S3SegmentStore(LocalS3.client(), "cordon-audit-test", 1, Optional.empty());
    private String run;
    private AuditShipper shipper;

    @BeforeEach
    void givenASpoolWithFiveRecordsAndAHeldLease() {
        run = "recover-" + UUID.randomUUID().toString().substring(0, 8);
        ShippingLease lease = new ShippingLease(redis, run + ":lease", Duration.ofSeconds(30));
        assertThat(lease.tryHold()).isTrue();
        ShippedHead heads = new ShippedHead(redis, store, run + ":head", "audit/" + run + "/segments/");
        shipper = new AuditShipper(redis, lease, store, keyring, heads, index, run + ":spool", "audit/", run, 100);
        for (int i = 0; i < 5; i++) {
            redis.stream(String.class).xadd(run + ":spool", AuditEventFields.toFields(event("req-" + i)));
        }
    }

    @Test
    void aSegmentWrittenBeforeACrashIsAdoptedNotShippedAgain() {
        // When: a previous shipper wrote the segment for seq 1..5 and died before committing.
        List<ChainedRecord> records = new ArrayList<>();
        AuditChain chain = AuditChain.genesis(keyring);
        for (int i = 0; i < 5; i++) {
            records.add(chain.append(event("req-" + i)));
        }
        store.put(SegmentCodec.objectKey("audit/", run, 1, 5), SegmentCodec.encode(run, records, ShippedHead.ZERO_HASH, keyring));

        int adopted = shipper.shipOnce();
        redis.stream(String.class).xadd(run + ":spool", AuditEventFields.toFields(event("req-5")));
        int shipped = shipper.shipOnce();

        assertThat(adopted).isEqualTo(5);
        assertThat(shipped).isEqualTo(1);
        assertThat(redis.stream(String.class).xlen(run + ":spool")).isZero();
        List<String> keys = store.list("audit/" + run + "/segments/");
        assertThat(keys).hasSize(2);
        List<SegmentInput> segments = keys.stream().map(k -> new SegmentInput(k, store.get(k))).toList();
        var report = AuditVerifier.verify(segments, keyring, Optional.empty(), Optional.empty());
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.lastSeq()).isEqualTo(6);
    }

    @Test
    void withoutACrashEveryRecordIsShippedOnceInOrder() {
        assertThat(shipper.shipOnce()).isEqualTo(5);
        assertThat(shipper.shipOnce()).isZero();

        List<String> keys = store.list("audit/" + run + "/segments/");
        assertThat(keys).containsExactly(SegmentCodec.objectKey("audit/", run, 1, 5));
        assertThat(SegmentCodec.decode(store.get(keys.get(0))).records()).extracting(r -> r.event().requestId())
                .containsExactly("req-0", "req-1", "req-2", "req-3", "req-4");
    }

    private static AuditEvent event(String requestId) {
        return new AuditEvent(Instant.parse("2026-11-23T10:00:00Z").truncatedTo(ChronoUnit.MILLIS), requestId, null, "t1",
                "key_1", "service", "api_key", "generate", "echo", "echo", "self-hosted", null, null, null, Map.of(),
                "success", null, 200, 1, 1, 3, "127.0.0.1", "test", false);
    }
}
