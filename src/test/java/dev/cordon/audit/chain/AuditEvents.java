package dev.cordon.audit.chain;

import java.time.Instant;
import java.util.Map;

/** Synthetic audit events for tests: no real people, deterministic per index. */
final class AuditEvents {

    static final Instant START = Instant.parse("2026-11-23T13:48:04.123Z");

    private AuditEvents() {
    }

    /** Event number {@code i}, one second after event {@code i - 1}. */
    static AuditEvent event(long i) {
        return new AuditEvent(START.plusSeconds(i), "req-" + i, "trace-" + i, "acme-health", "svc-scribe", "service",
                "api_key", "chat.completions", "gpt-4o", "azure-openai", "baa-2026-007", "patient-" + (i % 97), null,
                "TREATMENT", Map.of("PERSON", new PhiTypeUse(2, "redact"), "MRN", new PhiTypeUse(1, "redact")), "success",
                null, 200, 812 + i, 95, 431, "10.0.0." + (i % 250), "openai-python/1.54.0", false);
    }

    /** A minimal event: only the required timestamp, everything else unknown or zero. */
    static AuditEvent bare(Instant ts) {
        return new AuditEvent(ts, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, 0, 0, 0, null, null, false);
    }
}
