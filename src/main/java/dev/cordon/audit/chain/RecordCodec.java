package dev.cordon.audit.chain;

import static dev.cordon.audit.chain.JsonFields.bool;
import static dev.cordon.audit.chain.JsonFields.hash;
import static dev.cordon.audit.chain.JsonFields.instant;
import static dev.cordon.audit.chain.JsonFields.intNumber;
import static dev.cordon.audit.chain.JsonFields.number;
import static dev.cordon.audit.chain.JsonFields.optionalText;
import static dev.cordon.audit.chain.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Maps records to their canonical snake_case form and back. Stateless and thread-safe. */
final class RecordCodec {

    static final String HMAC = "hmac";
    /** Record keys in canonical (sorted) order; {@link #encode} lists values in the same order. */
    private static final String[] KEYS = {"action", "actor", "actor_type", "auth_method", "break_glass", "completion_tokens",
        "document_id", "error_code", HMAC, "http_status", "ip", "key_id", "latency_ms", "model", "outcome", "patient_id",
        "phi_types", "prev_hash", "prompt_tokens", "provider", "provider_baa", "purpose_of_use", "request_id", "route_attempts", "seq", "tenant",
        "trace_id", "ts", "user_agent"};

    static {
        String[] sorted = KEYS.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, KEYS)) {
            throw new IllegalStateException("RecordCodec.KEYS must be in canonical order");
        }
    }

    private RecordCodec() {
    }

    static byte[] body(ChainedRecord record) {
        return encode(record.seq(), record.event(), record.prevHash(), record.keyId(), null);
    }

    static byte[] line(ChainedRecord record) {
        return encode(record.seq(), record.event(), record.prevHash(), record.keyId(), record.hmac());
    }

    /** The canonical body, or with {@code hmac} non-null the stored line. */
    static byte[] encode(long seq, AuditEvent event, String prevHash, String keyId, String hmac) {
        Object[] values = {event.action(), event.actor(), event.actorType(), event.authMethod(), event.breakGlass(),
            event.completionTokens(), event.documentId(), event.errorCode(), hmac, event.httpStatus(), event.ip(), keyId,
            event.latencyMs(), event.model(), event.outcome(), event.patientId(), phiTypes(event.phiTypes()), prevHash,
            event.promptTokens(), event.provider(), event.providerBaa(), event.purposeOfUse(), event.requestId(), event.routeAttempts(), seq,
            event.tenant(), event.traceId(), CanonicalJson.timestamp(event.ts()), event.userAgent()};
        return CanonicalJson.encodeSorted(KEYS, values);
    }

    private static Map<String, Object> phiTypes(Map<String, PhiTypeUse> phiTypes) {
        Map<String, Object> types = new TreeMap<>();
        phiTypes.forEach((type, use) -> {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("count", use.count());
            entry.put("action", use.action());
            types.put(type, entry);
        });
        return types;
    }

    /** Reads a parsed record line; {@code hash} is supplied by the caller, who holds the line bytes. */
    static ChainedRecord parse(JsonNode line, String hash) {
        AuditEvent event = new AuditEvent(instant(line, "ts"), optionalText(line, "request_id"), optionalText(line, "trace_id"),
                optionalText(line, "tenant"), optionalText(line, "actor"), optionalText(line, "actor_type"),
                optionalText(line, "auth_method"), optionalText(line, "action"), optionalText(line, "model"),
                optionalText(line, "provider"), optionalText(line, "provider_baa"), optionalText(line, "patient_id"),
                optionalText(line, "document_id"), optionalText(line, "purpose_of_use"), parsePhiTypes(line.get("phi_types")),
                optionalText(line, "outcome"), optionalText(line, "error_code"), intNumber(line, "http_status"),
                number(line, "prompt_tokens"), number(line, "completion_tokens"), number(line, "latency_ms"),
                optionalText(line, "ip"), optionalText(line, "user_agent"), bool(line, "break_glass"),
                optionalText(line, "route_attempts"));
        return new ChainedRecord(number(line, "seq"), event, hash(line, "prev_hash"), text(line, "key_id"), hash(line, HMAC), hash);
    }

    private static Map<String, PhiTypeUse> parsePhiTypes(JsonNode types) {
        Map<String, PhiTypeUse> result = new TreeMap<>();
        if (types == null || types.isNull()) {
            return result;
        }
        if (!types.isObject()) {
            throw new SegmentFormatException("field phi_types must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            if (!type.getValue().isObject()) {
                throw new SegmentFormatException("field phi_types entries must be objects");
            }
            result.put(type.getKey(), new PhiTypeUse(intNumber(type.getValue(), "count"), optionalText(type.getValue(), "action")));
        }
        return result;
    }
}
