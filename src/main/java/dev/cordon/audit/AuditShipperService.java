package dev.cordon.audit;

import dev.cordon.audit.chain.AnchorCodec;
import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.ChainHead;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.DecodedSegment;
import dev.cordon.audit.chain.PhiTypeUse;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.audit.chain.VerificationReport;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.tenancy.TenancyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the {@link AuditShipper} on one background thread: holds the shipping lease, drains the
 * spool, backs off exponentially while S3 or Redis fail, and exposes the backlog as a gauge
 * ({@code cordon_audit_backlog}) with an alarm log line above {@code cordon.audit.backlog-alarm}.
 * Start-up checks the bucket's Object Lock but never waits for an unreachable store.
 */
@ApplicationScoped
class AuditShipperService implements AuditTrail {

    private static final Logger LOGGER = Logger.getLogger(AuditShipperService.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(15);

    private final AuditConfig config;
    private final RedisDataSource redis;
    private final S3SegmentStore store;
    private final String stream;
    private final ShippingLease lease;
    private final AuditShipper shipper;
    private final ShippedHead heads;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter shipped;
    private final AuditKeyring keyring;
    private ScheduledExecutorService executor;
    private long lastAnchorNanos;
    private long anchoredSeq;
    private long backoffMillis;

    AuditShipperService(AuditConfig config, TenancyConfig tenancy, RedisDataSource redis, MeterRegistry metrics, AuditIndex index,
                        @ConfigProperty(name = "quarkus.s3.endpoint-override") Optional<String> endpoint,
                        @ConfigProperty(name = "quarkus.s3.aws.region", defaultValue = "us-east-1") String region,
                        @ConfigProperty(name = "quarkus.s3.aws.credentials.static-provider.access-key-id") Optional<String> accessKey,
                        @ConfigProperty(name = "quarkus.s3.aws.credentials.static-provider.secret-access-key") Optional<String> secretKey) {
        this.config = config;
        this.redis = redis;
        AuditSettings.validate(config);
        S3Client s3 = S3Clients.create(endpoint, region, accessKey, secretKey);
        this.store = new S3SegmentStore(s3, config.bucket(), config.retentionDays(), config.kmsKeyId());
        String redisPrefix = tenancy.redisKeyPrefix();
        this.stream = redisPrefix + config.spoolStream();
        this.lease = new ShippingLease(redis, redisPrefix + "audit:lease:" + config.chainId(), LEASE_TTL);
        String segments = config.prefix() + config.chainId() + "/segments/";
        this.heads = new ShippedHead(redis, store, redisPrefix + "audit:head:" + config.chainId(), segments);
        this.keyring = AuditSettings.keyring(config);
        this.shipper = new AuditShipper(redis, lease, store, keyring, heads, index, stream,
                config.prefix(), config.chainId(), config.segmentMaxRecords());
        metrics.gauge("cordon_audit_backlog", backlog);
        this.shipped = metrics.counter("cordon_audit_shipped_records");
    }

    void start(@Observes StartupEvent event) {
        checkBucket();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cordon-audit-shipper");
            t.setDaemon(true);
            return t;
        });
        executor.schedule(this::pass, 0, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                // Hand the lease back only once this instance has stopped shipping, so the next
                // instance (a rolling deploy, a restart) ships at once instead of after the lease TTL.
                if (executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    lease.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOGGER.warnf("audit shipping lease not released at shutdown; another instance takes over after its TTL: %s",
                        SafeThrowables.describe(e));
            }
        }
    }

    private void checkBucket() {
        try {
            if (config.createBucket()) {
                store.createWithObjectLock();
            }
            if (!store.objectLockEnabled() && !config.allowUnlockedBucket()) {
                throw new IllegalStateException("cordon.audit.bucket '" + config.bucket()
                        + "' does not exist or has no Object Lock; the audit trail needs a WORM bucket"
                        + " (cordon.audit.allow-unlocked-bucket=true only for development)");
            }
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            LOGGER.warnf("object store unreachable at start; audit records wait in the spool: %s", e.getClass().getName());
        }
    }

    private synchronized void pass() {
        long delay = config.shipInterval().toMillis();
        try {
            backlog.set(redis.stream(String.class).xlen(stream));
            if (backlog.get() > config.backlogAlarm()) {
                LOGGER.warnf("audit backlog above alarm threshold: backlog=%d threshold=%d", backlog.get(), config.backlogAlarm());
            }
            if (lease.tryHold()) {
                int count;
                while ((count = shipper.shipOnce()) > 0) {
                    shipped.increment(count);
                    if (count < config.segmentMaxRecords()) {
                        break;
                    }
                }
                anchorIfDue();
            }
            backoffMillis = 0;
        } catch (RuntimeException e) {
            backoffMillis = Math.min(config.maxBackoff().toMillis(), Math.max(2 * backoffMillis, delay));
            delay = backoffMillis;
            LOGGER.warnf("audit shipping failed, retrying in %d ms: %s", delay, SafeThrowables.describe(e));
        } finally {
            if (executor != null && !executor.isShutdown()) {
                executor.schedule(this::pass, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Writes a signed anchor of the committed head when the interval passed and the head moved. */
    private void anchorIfDue() {
        long now = System.nanoTime();
        if (lastAnchorNanos != 0 && now - lastAnchorNanos < config.anchorInterval().toNanos()) {
            return;
        }
        heads.stored().filter(h -> h.lastSeq() > anchoredSeq).ifPresent(h -> {
            byte[] anchor = AnchorCodec.encode(config.chainId(), new ChainHead(h.lastSeq(), h.lastHash()), h.lastSegmentHash(),
                    java.time.Instant.now(), keyring);
            store.put(AnchorCodec.objectKey(config.prefix(), config.chainId(), h.lastSeq()), anchor, "application/json");
            anchoredSeq = h.lastSeq();
        });
        lastAnchorNanos = now;
    }

    /** Ships everything now (tests and the CLI); returns records shipped. */
    @Override
    public synchronized int drain() {
        int total = 0;
        if (lease.tryHold()) {
            int count;
            while ((count = shipper.shipOnce()) > 0) {
                total += count;
            }
            lastAnchorNanos = 0;
            anchorIfDue();
        }
        return total;
    }

    /** Verifies the whole chain from the object store. Blocking. */
    @Override
    public VerificationReport verify(java.util.Optional<java.time.Instant> from, java.util.Optional<java.time.Instant> to) {
        // The committed head is the anchor: a trail that ends before it has lost its tail. Read it
        // before listing, so shipping that continues meanwhile can only add segments past it.
        java.util.Optional<dev.cordon.audit.chain.ChainHead> anchor = heads.stored()
                .filter(h -> h.lastSeq() > 0).map(h -> new dev.cordon.audit.chain.ChainHead(h.lastSeq(), h.lastHash()));
        java.util.List<SegmentInput> segments = new java.util.ArrayList<>();
        for (String key : store.list(config.prefix() + config.chainId() + "/segments/")) {
            segments.add(new SegmentInput(key, store.get(key)));
        }
        return AuditVerifier.verify(segments, AuditSettings.keyring(config), from, to, anchor);
    }
}
