package dev.cordon.audit.chain;

import static dev.cordon.audit.chain.JsonFields.bool;
import static dev.cordon.audit.chain.JsonFields.hash;
import static dev.cordon.audit.chain.JsonFields.instant;
import static dev.cordon.audit.chain.JsonFields.intNumber;
import static dev.cordon.audit.chain.JsonFields.number;
import static dev.cordon.audit.chain.JsonFields.optionalText;
import static dev.cordon.audit.chain.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Maps records to their canonical snake_case form and back. Stateless and thread-safe. */
final class RecordCodec {

    static final String HMAC = "hmac";

    private RecordCodec() {
    }

    static byte[] body(ChainedRecord record) {
        return CanonicalJson.encode(bodyMap(record.seq(), record.event(), record.prevHash(), record.keyId()));
    }

    static byte[] line(ChainedRecord record) {
        TreeMap<String, Object> line = bodyMap(record.seq(), record.event(), record.prevHash(), record.keyId());
        line.put(HMAC, record.hmac());
        return CanonicalJson.encode(line);
    }

    static TreeMap<String, Object> bodyMap(long seq, AuditEvent event, String prevHash, String keyId) {
        TreeMap<String, Object> body = new TreeMap<>();
        body.put("ts", CanonicalJson.timestamp(event.ts()));
        body.put("seq", seq);
        body.put("request_id", event.requestId());
        body.put("trace_id", event.traceId());
        body.put("tenant", event.tenant());
        body.put("actor", event.actor());
        body.put("actor_type", event.actorType());
        body.put("auth_method", event.authMethod());
        body.put("action", event.action());
        body.put("model", event.model());
        body.put("provider", event.provider());
        body.put("provider_baa", event.providerBaa());
        body.put("patient_id", event.patientId());
        body.put("document_id", event.documentId());
        body.put("purpose_of_use", event.purposeOfUse());
        body.put("phi_types", phiTypes(event.phiTypes()));
        putEnding(body, event);
        body.put("prev_hash", prevHash);
        body.put("key_id", keyId);
        return body;
    }

    private static void putEnding(Map<String, Object> body, AuditEvent event) {
        body.put("outcome", event.outcome());
        body.put("error_code", event.errorCode());
        body.put("http_status", event.httpStatus());
        body.put("prompt_tokens", event.promptTokens());
        body.put("completion_tokens", event.completionTokens());
        body.put("latency_ms", event.latencyMs());
        body.put("ip", event.ip());
        body.put("user_agent", event.userAgent());
        body.put("break_glass", event.breakGlass());
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
                optionalText(line, "ip"), optionalText(line, "user_agent"), bool(line, "break_glass"));
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
