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
import dev.cordon.identity.Principal;
import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.openai.ErrorEnvelopes;
import dev.cordon.phi.PhiOutcome;
import dev.cordon.pipeline.Ending;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.Reply;
import dev.cordon.routing.ModelRoute;
import dev.cordon.routing.RouteAttempts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the audit record of an exchange. Holds no prompt or completion text: only identifiers,
 * the identifiers the caller declared (patient, document, purpose), counts and outcome.
 */
public final class AuditEvents {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern DECLARED_ID = Pattern.compile("[A-Za-z0-9._:/@#-]{1,128}");

    private AuditEvents() {}

    static AuditEvent of(Exchange ex, Ending ending) {
        Reply.Usage usage = ending instanceof Ending.Success s ? s.usage() : Reply.Usage.NONE;
        String outcome;
        String code = null;
        int status = 200;
        if (ending instanceof Ending.Failure f) {
            status = ErrorEnvelopes.status(f.error());
            outcome = status < 500 ? "denied" : "failure";
            code = f.error().code();
        } else if (ending instanceof Ending.Cancelled) {
            outcome = "failure";
            code = "client_disconnected";
        } else {
            outcome = "success";
        }
        return build(ex, action(ex), outcome, code, status, usage);
    }

    static AuditEvent streamStarted(Exchange ex) {
        return build(ex, "generate_stream", "started", null, 200, Reply.Usage.NONE);
    }

    static int entityCount(AuditEvent event) {
        return event.phiTypes().values().stream().mapToInt(PhiTypeUse::count).sum();
    }

    private static AuditEvent build(Exchange ex, String action, String outcome, String code, int status, Reply.Usage usage) {
        Principal principal = ex.get(Principal.class).orElse(null);
        ModelRoute route = ex.get(ModelRoute.class).orElse(null);
        RouteAttempts attempts = ex.get(RouteAttempts.class).orElse(null);
        RouteAttempts.Attempt served = attempts == null ? null : attempts.last().orElse(null);
        return new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MILLIS), ex.requestId(), traceId(ex),
                principal == null ? null : principal.tenantId(), principal == null ? null : principal.actor(),
                principal == null ? null : principal.actorType().name().toLowerCase(), principal == null ? null : principal.authMethod(),
                action, route == null ? null : route.alias(), served != null ? served.providerId() : route == null ? null : route.providerId(),
                served != null ? served.baa().wireName() : route == null ? null : route.baa().wireName(), declared(ex, "X-Cordon-Patient-Id", "patient_id"),
                declared(ex, "X-Cordon-Document-Id", "document_id"), dev.cordon.openai.DeclaredPurpose.of(ex), phiTypes(ex), outcome, code, status,
                usage.promptTokens(), usage.completionTokens(), (System.nanoTime() - ex.startNanos()) / 1_000_000,
                ex.clientIp(), truncate(ex.header("User-Agent"), 256),
                ex.get(dev.cordon.breakglass.ActiveElevation.class).isPresent(), attempts == null ? null : attempts.summary());
    }

    private static String action(Exchange ex) {
        return switch (ex.operation()) {
            case CHAT_COMPLETIONS -> ex.get(ChatCompletionRequest.class).map(ChatCompletionRequest::stream).orElse(false)
                    ? "generate_stream" : "generate";
            case EMBEDDINGS -> "embed";
            case LIST_MODELS -> "list_models";
            case GET_MODEL -> "get_model";
            case PHI_ANALYZE -> "analyze";
            case PHI_REDACT -> "redact";
            case ADMIN -> "admin";
        };
    }

    private static String traceId(Exchange ex) {
        String header = ex.header("traceparent");
        if (header == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(header.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** A patient/document id the caller declared, from its header or the chat request's metadata. */
    private static String declared(Exchange ex, String header, String metadataKey) {
        String value = ex.header(header);
        if (value == null && ex.operation() == Operation.CHAT_COMPLETIONS) {
            value = ex.get(ChatCompletionRequest.class).map(r -> r.metadata().get(metadataKey)).orElse(null);
        }
        return declaredId(value);
    }

    /**
     * A caller-declared identifier as it may enter a record: short and plain, else {@code invalid}
     * (so free text — possibly PHI — never lands in the trail through a header). Null stays null.
     */
    public static String declaredId(String value) {
        if (value == null) {
            return null;
        }
        return DECLARED_ID.matcher(value.trim()).matches() ? value.trim() : "invalid";
    }

    private static Map<String, PhiTypeUse> phiTypes(Exchange ex) {
        Map<String, PhiTypeUse> out = new TreeMap<>();
        ex.get(PhiOutcome.class).ifPresent(p -> p.countsByType().forEach((type, count) ->
                out.put(type, new PhiTypeUse(count, p.actionsByType().getOrDefault(type, "tokenize")))));
        return out;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
