package dev.cordon.audit;

import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainHead;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.PhiTypeUse;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.audit.chain.VerificationReport;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Micro benchmark, not a test: builds a trail in memory, then times its verification.
 * Run after {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.cordon.audit.VerifyThroughput [segments] [recordsPerSegment]}.
 */
public final class VerifyThroughput {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private VerifyThroughput() {
    }

    public static void main(String[] args) {
        int segments = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perSegment = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        AuditKeyring keyring = AuditKeyring.of("k1", "benchmark-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.US_ASCII));
        long buildStart = System.nanoTime();
        List<SegmentInput> trail = build(keyring, segments, perSegment);
        long bytes = trail.stream().mapToLong(s -> s.bytes().length).sum();
        System.out.printf("built %d records in %d segments (%d MiB gzip) in %.1f s%n", (long) segments * perSegment, segments,
                bytes >> 20, (System.nanoTime() - buildStart) / 1e9);
        for (int run = 1; run <= 3; run++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            VerificationReport report = AuditVerifier.verify(trail, keyring, Optional.empty(), Optional.empty());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            // CPU seconds as well as wall-clock: on a shared machine the wall-clock figure mostly measures the neighbours.
            System.out.printf("run %d: verified %d records in %.2f s wall = %.0f records/s; %.2f CPU-s = %.0f records per CPU-s; %d cores; %s%n",
                    run, report.recordsVerified(), seconds, report.recordsVerified() / seconds, cpuSeconds, report.recordsVerified() / cpuSeconds,
                    Runtime.getRuntime().availableProcessors(), report.intact() ? "INTACT" : report.summary());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<SegmentInput> build(AuditKeyring keyring, int segments, int perSegment) {
        AuditChain chain = AuditChain.genesis(keyring);
        List<SegmentInput> trail = new ArrayList<>(segments);
        String prevSegmentHash = ChainHead.ZERO_HASH;
        long i = 0;
        for (int s = 0; s < segments; s++) {
            List<ChainedRecord> records = new ArrayList<>(perSegment);
            for (int r = 0; r < perSegment; r++) {
                records.add(chain.append(event(++i)));
            }
            byte[] gz = SegmentCodec.encode("gw-1", records, prevSegmentHash, keyring, START.plusSeconds(i));
            trail.add(new SegmentInput(SegmentCodec.objectKey("audit/", "gw-1", records.get(0).seq(), chain.head().lastSeq()), gz));
            prevSegmentHash = SegmentCodec.segmentHash(gz);
        }
        return trail;
    }

    /** A realistic record: every field set, ids varying, as a busy gateway would write. */
    private static AuditEvent event(long i) {
        return new AuditEvent(START.plusMillis(i * 37), "req-" + Long.toHexString(i * 2654435761L), "trace-" + i, "tenant-" + (i % 40),
                "user-" + (i % 5000), "user", "oidc", "chat.completions", "gpt-4o-2024-08-06", "azure-openai", "baa-2026-007",
                "patient-" + (i % 100_000), i % 3 == 0 ? "doc-" + i : null, "TREATMENT",
                Map.of("PERSON", new PhiTypeUse((int) (i % 4), "redact"), "DATE", new PhiTypeUse(1, "redact")), "success", null, 200,
                500 + i % 3000, 100 + i % 700, 300 + i % 4000, "10.1." + (i % 256) + "." + (i % 200), "openai-python/1.54.0", false);
    }
}
