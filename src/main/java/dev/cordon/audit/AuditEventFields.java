package dev.cordon.audit;

import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.DecodedSegment;
import dev.cordon.audit.chain.PhiTypeUse;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.audit.chain.VerificationReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens an {@link AuditEvent} to Redis Stream fields and back. Absent values are left out;
 * PHI types travel as {@code TYPE=count:action;...} (type names and actions never contain those
 * separators). Stateless.
 */
final class AuditEventFields {

    private AuditEventFields() {}

    static Map<String, String> toFields(AuditEvent e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ts", Long.toString(e.ts().toEpochMilli()));
        put(f, "request_id", e.requestId());
        put(f, "trace_id", e.traceId());
        put(f, "tenant", e.tenant());
        put(f, "actor", e.actor());
        put(f, "actor_type", e.actorType());
        put(f, "auth_method", e.authMethod());
        put(f, "action", e.action());
        put(f, "model", e.model());
        put(f, "provider", e.provider());
        put(f, "provider_baa", e.providerBaa());
        put(f, "patient_id", e.patientId());
        put(f, "document_id", e.documentId());
        put(f, "purpose_of_use", e.purposeOfUse());
        put(f, "phi_types", phiTypes(e.phiTypes()));
        put(f, "outcome", e.outcome());
        put(f, "error_code", e.errorCode());
        f.put("http_status", Integer.toString(e.httpStatus()));
        f.put("prompt_tokens", Long.toString(e.promptTokens()));
        f.put("completion_tokens", Long.toString(e.completionTokens()));
        f.put("latency_ms", Long.toString(e.latencyMs()));
        put(f, "ip", e.ip());
        put(f, "user_agent", e.userAgent());
        f.put("break_glass", Boolean.toString(e.breakGlass()));
        put(f, "route_attempts", e.routeAttempts());
        return f;
    }

    static AuditEvent fromFields(Map<String, String> f) {
        return new AuditEvent(Instant.ofEpochMilli(Long.parseLong(f.get("ts"))), f.get("request_id"), f.get("trace_id"),
                f.get("tenant"), f.get("actor"), f.get("actor_type"), f.get("auth_method"), f.get("action"), f.get("model"),
                f.get("provider"), f.get("provider_baa"), f.get("patient_id"), f.get("document_id"), f.get("purpose_of_use"),
                phiTypes(f.get("phi_types")), f.get("outcome"), f.get("error_code"), Integer.parseInt(f.get("http_status")),
                Long.parseLong(f.get("prompt_tokens")), Long.parseLong(f.get("completion_tokens")),
                Long.parseLong(f.get("latency_ms")), f.get("ip"), f.get("user_agent"), Boolean.parseBoolean(f.get("break_glass")),
                f.get("route_attempts"));
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }

    private static String phiTypes(Map<String, PhiTypeUse> types) {
        if (types == null || types.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        types.forEach((type, use) -> sb.append(sb.length() == 0 ? "" : ";").append(type).append('=')
                .append(use.count()).append(':').append(use.action()));
        return sb.toString();
    }

    private static Map<String, PhiTypeUse> phiTypes(String encoded) {
        Map<String, PhiTypeUse> out = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String item : encoded.split(";")) {
            int eq = item.indexOf('=');
            int colon = item.indexOf(':', eq);
            out.put(item.substring(0, eq), new PhiTypeUse(Integer.parseInt(item.substring(eq + 1, colon)), item.substring(colon + 1)));
        }
        return out;
    }
}
