package dev.cordon.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The audit trail: where segments go, how long they are locked, and how records are signed. */
@ConfigMapping(prefix = "cordon.audit")
public interface AuditConfig {

    /** Bucket for audit segments; must have Object Lock enabled (checked at start). */
    @WithDefault("cordon-audit")
    String bucket();

    /** Key prefix of every audit object in the bucket. */
    @WithDefault("audit/")
    String prefix();

    /** Name of the hash chain; replicas sharing it ship into one chain (one shipper at a time). */
    @WithDefault("main")
    String chainId();

    /**
     * COMPLIANCE-mode retention of each segment, in days from its write. HIPAA documentation is kept
     * six years, so values below 2190 are refused unless {@code allow-short-retention} is set (tests only).
     */
    @WithDefault("2190")
    int retentionDays();

    /** Permits a retention below 2190 days. Only for tests; never in production. */
    @WithDefault("false")
    boolean allowShortRetention();

    /** Creates the bucket with Object Lock at start when it is missing (local runs and tests). */
    @WithDefault("false")
    boolean createBucket();

    /** Dev-only escape hatch: run against a bucket without Object Lock. Never in production. */
    @WithDefault("false")
    boolean allowUnlockedBucket();

    /** Optional SSE-KMS key id for segment objects; server-side encryption default when empty. */
    java.util.Optional<String> kmsKeyId();

    /** HMAC secrets by key id (at least 32 characters each). Never logged. */
    Map<String, String> hmacKeys();

    /** Key id used to sign new records; must be a key of {@code hmac-keys}. */
    String currentKeyId();

    /** Redis stream holding accepted records until they are shipped (suffix of the Redis key prefix). */
    @WithDefault("audit:spool")
    String spoolStream();

    /** Most records waiting in the spool; beyond it requests are refused (fail closed) until shipping catches up. */
    @WithDefault("1000000")
    long maxBacklog();

    /** Backlog size at which a warning is logged and the alarm gauge is raised. */
    @WithDefault("100000")
    long backlogAlarm();

    /** Most records per segment object. */
    @WithDefault("5000")
    int segmentMaxRecords();

    /** How often the shipper drains the spool. */
    @WithDefault("500ms")
    Duration shipInterval();

    /** How often the shipper writes a signed anchor object recording the chain head (when it moved). */
    @WithDefault("60s")
    Duration anchorInterval();

    /** Longest back-off between failed shipping attempts (e.g. while S3 is down). */
    @WithDefault("30s")
    Duration maxBackoff();
}
