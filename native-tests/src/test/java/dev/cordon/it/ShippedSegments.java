package dev.cordon.it;

import dev.cordon.audit.S3Clients;
import dev.cordon.audit.S3SegmentStore;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.SegmentCodec;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads the packaged gateway's audit bucket from outside, as an auditor would. */
final class ShippedSegments {

    record Found(String key, String retentionMode, Instant retainUntil) {}

    private ShippedSegments() {}

    /** Polls the test bucket until a segment holding the request's record appears. */
    static Found awaitRecord(String requestId, long timeoutMillis) throws InterruptedException {
        S3Client s3 = S3Clients.create(Optional.of(env("CORDON_S3_ENDPOINT", "http://127.0.0.1:7480")), "us-east-1",
                Optional.of(env("CORDON_S3_ACCESS_KEY", "cordon-access")), Optional.of(env("CORDON_S3_SECRET_KEY", "cordon-secret-key-local-only")));
        S3SegmentStore store = new S3SegmentStore(s3, "cordon-audit-test", 1, Optional.empty());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (String key : store.list("audit/")) {
                if (!key.endsWith(".jsonl.gz")) {
                    continue;
                }
                for (ChainedRecord r : SegmentCodec.decode(store.get(key)).records()) {
                    if (requestId.equals(r.event().requestId())) {
                        var retention = s3.getObjectRetention(b -> b.bucket("cordon-audit-test").key(key)).retention();
                        return new Found(key, retention.modeAsString(), retention.retainUntilDate());
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no shipped audit record for " + requestId + " within " + timeoutMillis + " ms");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
