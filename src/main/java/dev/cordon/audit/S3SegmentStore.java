package dev.cordon.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Writes and reads audit segment objects. Every write is COMPLIANCE-locked until write time plus
 * the retention and carries Content-MD5, so the store rejects a corrupted upload and nobody —
 * root credentials included — can delete or shorten it before it expires. Blocking; thread-safe.
 */
public final class S3SegmentStore {

    private final S3Client s3;
    private final String bucket;
    private final int retentionDays;
    private final Optional<String> kmsKeyId;

    public S3SegmentStore(S3Client s3, String bucket, int retentionDays, Optional<String> kmsKeyId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.retentionDays = retentionDays;
        this.kmsKeyId = kmsKeyId;
    }

    /** Stores one segment; returns the retain-until date applied. */
    public Instant put(String key, byte[] bytes) {
        return put(key, bytes, "application/gzip");
    }

    /** Stores one locked object of the given content type; returns the retain-until date applied. */
    public Instant put(String key, byte[] bytes, String contentType) {
        Instant retainUntil = Instant.now().plus(retentionDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(contentType).contentMD5(md5(bytes))
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
        kmsKeyId.ifPresent(id -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(id));
        s3.putObject(request.build(), RequestBody.fromBytes(bytes));
        return retainUntil;
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** All keys under the prefix, in lexical (for segments: sequence) order. */
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** True when the bucket exists and has Object Lock enabled. */
    public boolean objectLockEnabled() {
        try {
            GetObjectLockConfigurationResponse lock = s3.getObjectLockConfiguration(b -> b.bucket(bucket));
            return lock.objectLockConfiguration() != null
                    && lock.objectLockConfiguration().objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the bucket with Object Lock (versioning comes with it); no-op when it exists. */
    public void createWithObjectLock() {
        try {
            s3.createBucket(CreateBucketRequest.builder().bucket(bucket).objectLockEnabledForBucket(true).build());
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    public String bucket() {
        return bucket;
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }
}
