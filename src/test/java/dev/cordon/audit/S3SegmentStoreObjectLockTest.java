package dev.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence of WORM behaviour against the real Ceph RADOS Gateway (which enforces Object Lock, unlike
 * S3Mock): segments are COMPLIANCE-locked, and deleting or weakening the lock is refused.
 */
class S3SegmentStoreObjectLockTest {

    private final S3Client s3 = LocalS3.client();
    private S3SegmentStore store;

    @BeforeEach
    void givenAFreshBucketWithObjectLock() {
        store = new S3SegmentStore(s3, "lock-test-" + UUID.randomUUID().toString().substring(0, 8), 1, Optional.empty());
        store.createWithObjectLock();
    }

    @Test
    void aNewBucketReportsObjectLockEnabled() {
        assertThat(store.objectLockEnabled()).isTrue();
        assertThat(new S3SegmentStore(s3, "no-such-bucket-" + UUID.randomUUID(), 1, Optional.empty()).objectLockEnabled()).isFalse();
    }

    @Test
    void aSegmentIsWrittenWithComplianceRetentionThatReadsBack() {
        Instant before = Instant.now();

        Instant retainUntil = store.put("audit/main/segments/a.jsonl.gz", bytes("segment"));

        GetObjectRetentionResponse retention = s3.getObjectRetention(b -> b.bucket(store.bucket()).key("audit/main/segments/a.jsonl.gz"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(store.bucket()).key("audit/main/segments/a.jsonl.gz"));
        assertThat(retention.retention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(retention.retention().retainUntilDate()).isAfter(before.plus(23, ChronoUnit.HOURS)).isEqualTo(retainUntil);
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(store.get("audit/main/segments/a.jsonl.gz")).isEqualTo(bytes("segment"));
        assertThat(store.list("audit/main/")).containsExactly("audit/main/segments/a.jsonl.gz");
    }

    @Test
    void deletingALockedSegmentVersionIsRefused() {
        store.put("k", bytes("segment"));
        String version = s3.headObject(b -> b.bucket(store.bucket()).key("k")).versionId();

        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket(store.bucket()).key("k").versionId(version)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(store.get("k")).isEqualTo(bytes("segment"));
    }

    @Test
    void shorteningOrDowngradingTheRetentionIsRefused() {
        store.put("k", bytes("segment"));

        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket(store.bucket()).key("k")
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(Instant.now().plus(1, ChronoUnit.HOURS)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket(store.bucket()).key("k")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(Instant.now().plus(2, ChronoUnit.DAYS)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
