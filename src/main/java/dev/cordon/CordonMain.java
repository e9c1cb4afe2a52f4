package dev.cordon;

import dev.cordon.audit.AuditCli;
import dev.cordon.phi.cli.PhiCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point. {@code phi ...} runs the batch PHI tool (no services needed) and {@code audit ...}
 * verifies the trail from the object store, both without starting the gateway; anything else starts it.
 */
@QuarkusMain
public final class CordonMain {

    CordonMain() {}

    public static void main(String... args) {
        // S3-compatible stores (Ceph RGW 16) reject the SDK's default flexible checksums; Cordon sends
        // Content-MD5 itself, which AWS S3 accepts too. An explicit setting by the operator wins.
        defaultProperty("aws.requestChecksumCalculation", "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        defaultProperty("aws.responseChecksumValidation", "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("phi")) {
            System.exit(PhiCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }

    private static void defaultProperty(String property, String env, String value) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
    }
}
