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
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code audit verify --bucket B [--prefix P] [--chain C] [--from T] [--to T]}: verifies the trail; {@code audit export}
 * verifies and then prints one line per record (seq, request id, action, outcome, status)
 * straight from the object store, with no gateway, database or Redis running. Settings come from
 * the environment: {@code CORDON_S3_ENDPOINT}/{@code _REGION}/{@code _ACCESS_KEY}/{@code _SECRET_KEY}
 * (AWS defaults when absent) and the HMAC keys as {@code CORDON_AUDIT_HMAC_KEYS_<ID>}.
 * Exit 0 when intact, 1 when broken (the first broken point is printed), 2 on usage errors.
 */
public final class AuditCli {

    private AuditCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        if (options == null || !options.containsKey("bucket")) {
            err.println("usage: audit verify|export --bucket B [--prefix audit/] [--chain main] [--from ISO-8601] [--to ISO-8601]");
            return 2;
        }
        boolean export = "export".equals(args[0]);
        try (S3Client s3 = s3FromEnvironment()) {
            S3SegmentStore store = new S3SegmentStore(s3, options.get("bucket"), 1, Optional.empty());
            String prefix = options.getOrDefault("prefix", "audit/") + options.getOrDefault("chain", "main") + "/segments/";
            long started = System.nanoTime();
            List<SegmentInput> segments = new ArrayList<>();
            for (String key : store.list(prefix)) {
                segments.add(new SegmentInput(key, store.get(key)));
            }
            AuditKeyring keyring = keyringFromEnvironment();
            String chainPrefix = options.getOrDefault("prefix", "audit/") + options.getOrDefault("chain", "main");
            VerificationReport report = AuditVerifier.verify(segments, keyring,
                    instant(options.get("from")), instant(options.get("to")), newestAnchor(store, chainPrefix + "/anchors/", keyring));
            if (!report.intact()) {
                out.println(report.summary());
                return 1;
            }
            if (export) {
                exportRecords(segments, out);
                return 0;
            }
            out.println(report.summary());
            out.printf("verified in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("audit verify: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !("verify".equals(args[0]) || "export".equals(args[0])) || args.length % 2 == 0) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** The head vouched for by the newest signed anchor: a trail ending before it lost its tail. */
    private static Optional<ChainHead> newestAnchor(S3SegmentStore store, String prefix, AuditKeyring keyring) {
        List<String> anchors = store.list(prefix);
        return anchors.isEmpty() ? Optional.empty()
                : Optional.of(AnchorCodec.decode(store.get(anchors.get(anchors.size() - 1)), keyring));
    }

    /**
     * One line per record of a verified trail: seq, request id, action, outcome, HTTP status, then
     * provider, error code and route attempts ({@code -} when absent). New columns go at the end.
     */
    private static void exportRecords(List<SegmentInput> segments, PrintStream out) {
        for (SegmentInput segment : segments) {
            for (ChainedRecord r : SegmentCodec.decode(segment.bytes()).records()) {
                out.printf("%d %s %s %s %d %s %s %s%n", r.seq(), r.event().requestId(), r.event().action(), r.event().outcome(),
                        r.event().httpStatus(), dash(r.event().provider()), dash(r.event().errorCode()), dash(r.event().routeAttempts()));
            }
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static Optional<Instant> instant(String value) {
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
    }

    static AuditKeyring keyringFromEnvironment() {
        Map<String, String> keys = new HashMap<>();
        String prefix = "CORDON_AUDIT_HMAC_KEYS_";
        System.getenv().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                keys.put(name.substring(prefix.length()).toLowerCase().replace('_', '-'), value);
            }
        });
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no HMAC keys: set CORDON_AUDIT_HMAC_KEYS_<ID>=<secret>");
        }
        return AuditSettings.keyring(keys, keys.keySet().iterator().next());
    }

    static S3Client s3FromEnvironment() {
        return S3Clients.create(Optional.ofNullable(System.getenv("CORDON_S3_ENDPOINT")), env("CORDON_S3_REGION", "us-east-1"),
                Optional.ofNullable(System.getenv("CORDON_S3_ACCESS_KEY")), Optional.ofNullable(System.getenv("CORDON_S3_SECRET_KEY")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
