package dev.cordon.phi;

import dev.cordon.openai.PhiTextRequest;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.StageOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /v1/phi/analyze} → {@code {"entities":[{type,start,end,score,recognizer}]}} and
 * {@code POST /v1/phi/redact} → redacted text plus entities. The caller sees its own text's
 * offsets; nothing about the values goes to logs. Stateless.
 */
final class PhiEndpoints {

    private PhiEndpoints() {}

    static StageOutcome answer(Exchange exchange, PhiAnalyzer analyzer, Redactor redactor) {
        PhiTextRequest request = exchange.require(PhiTextRequest.class);
        PhiPolicy policy;
        try {
            policy = policy(request);
        } catch (IllegalArgumentException e) {
            return StageOutcome.reject(GatewayError.InvalidRequest.param("policy",
                    "Unknown PHI type or action in 'policy'; actions are tokenize, mask, allow, block."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<Finding> findings;
        if (exchange.operation() == Operation.PHI_REDACT) {
            Redaction redaction = redactor.redact(request.text(), policy, new TokenVault());
            body.put("text", redaction.text());
            findings = redaction.findings();
        } else {
            findings = analyzer.analyze(request.text());
        }
        body.put("entities", entities(findings));
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.type().name(), 1, Integer::sum));
        exchange.put(PhiOutcome.class, new PhiOutcome(false, counts, Map.of()));
        return StageOutcome.respond(new Reply.Json(body));
    }

    private static PhiPolicy policy(PhiTextRequest request) {
        Map<PhiType, PhiAction> actions = new EnumMap<>(PhiType.class);
        request.actions().forEach((type, action) -> actions.put(PhiType.valueOf(type.toUpperCase()), PhiAction.valueOf(action.toUpperCase())));
        PhiAction fallback = request.defaultAction() == null ? PhiAction.TOKENIZE : PhiAction.valueOf(request.defaultAction().toUpperCase());
        return new PhiPolicy(actions, fallback);
    }

    private static List<Map<String, Object>> entities(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", f.type().name());
            e.put("start", f.start());
            e.put("end", f.end());
            e.put("score", Math.round(f.score() * 1000) / 1000.0);
            e.put("recognizer", f.recognizer());
            out.add(e);
        }
        return out;
    }
}
