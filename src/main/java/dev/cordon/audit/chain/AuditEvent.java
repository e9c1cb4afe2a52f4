package dev.cordon.audit.chain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audited request, as signed into the trail. Immutable and thread-safe.
 *
 * <p>{@code ts} is required and truncated to milliseconds, because the canonical form carries
 * exactly three fraction digits and a record must verify to the same bytes it was signed as.
 * Every String is nullable ("not known") and a null is omitted from the canonical form.
 * {@code phiTypes} maps an entity type (e.g. {@code "SSN"}) to counts and action; it never holds
 * PHI values; null becomes an empty map. {@code provider}/{@code providerBaa} name the provider
 * that finally served (or failed last); {@code routeAttempts} lists every upstream call when a
 * fallback was tried ({@code alias@provider:outcome>...}, outcome {@code ok} or an error code),
 * else null.
 */
public record AuditEvent(Instant ts, String requestId, String traceId, String tenant, String actor, String actorType,
        String authMethod, String action, String model, String provider, String providerBaa, String patientId,
        String documentId, String purposeOfUse, Map<String, PhiTypeUse> phiTypes, String outcome, String errorCode,
        int httpStatus, long promptTokens, long completionTokens, long latencyMs, String ip, String userAgent,
        boolean breakGlass, String routeAttempts) {

    /** An event without {@code routeAttempts}: no fallback happened (the form of all records before fallbacks existed). */
    public AuditEvent(Instant ts, String requestId, String traceId, String tenant, String actor, String actorType,
            String authMethod, String action, String model, String provider, String providerBaa, String patientId,
            String documentId, String purposeOfUse, Map<String, PhiTypeUse> phiTypes, String outcome, String errorCode,
            int httpStatus, long promptTokens, long completionTokens, long latencyMs, String ip, String userAgent,
            boolean breakGlass) {
        this(ts, requestId, traceId, tenant, actor, actorType, authMethod, action, model, provider, providerBaa, patientId,
                documentId, purposeOfUse, phiTypes, outcome, errorCode, httpStatus, promptTokens, completionTokens, latencyMs,
                ip, userAgent, breakGlass, null);
    }

    public AuditEvent {
        ts = Objects.requireNonNull(ts, "ts").truncatedTo(ChronoUnit.MILLIS);
        // A sorted, unmodifiable copy: callers cannot change a signed event after the fact.
        phiTypes = phiTypes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(phiTypes));
        phiTypes.forEach((type, use) -> {
            Objects.requireNonNull(type, "phiTypes key");
            Objects.requireNonNull(use, "phiTypes value");
        });
    }

    /** No PHI values, no user agent: identifies the event without leaking content into logs. */
    @Override
    public String toString() {
        return "AuditEvent[ts=" + CanonicalJson.timestamp(ts) + ", requestId=" + requestId + ", tenant=" + tenant
                + ", action=" + action + ", outcome=" + outcome + "]";
    }
}
