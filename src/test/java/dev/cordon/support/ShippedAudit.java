package dev.cordon.support;

import dev.cordon.audit.S3Clients;
import dev.cordon.audit.S3SegmentStore;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.SegmentCodec;
import java.util.List;
import java.util.Optional;

/** Reads the records the test gateway shipped to the local Ceph test bucket. */
public final class ShippedAudit {

    private ShippedAudit() {}

    /** The shipped records of one request id, in chain order; call after {@code AuditTrail.drain()}. */
    public static List<AuditEvent> of(String chainId, String requestId) {
        S3SegmentStore store = new S3SegmentStore(S3Clients.create(Optional.of(env("CORDON_S3_ENDPOINT", "http://127.0.0.1:7480")),
                env("CORDON_S3_REGION", "us-east-1"), Optional.of(env("CORDON_S3_ACCESS_KEY", "cordon-access")),
                Optional.of(env("CORDON_S3_SECRET_KEY", "cordon-secret-key-local-only"))), "cordon-audit-test", 1, Optional.empty());
        List<String> keys = store.list("audit/" + chainId + "/segments/");
        // Newest segments last: read from the end, the request was just shipped.
        for (int i = keys.size() - 1; i >= 0 && i >= keys.size() - 20; i--) {
            List<AuditEvent> found = SegmentCodec.decode(store.get(keys.get(i))).records().stream().map(ChainedRecord::event)
                    .filter(e -> requestId.equals(e.requestId())).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
