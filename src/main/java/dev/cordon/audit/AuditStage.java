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
import dev.cordon.openai.ErrorEnvelopes;
import dev.cordon.pipeline.EndStage;
import dev.cordon.pipeline.Ending;
import dev.cordon.pipeline.Exchange;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The audit slot: every request ends with a record durably appended to the {@link AuditSpool}
 * before the caller gets an answer. Streams get a record before their first byte (outcome
 * {@code started}) and one when they end. If the spool cannot confirm, the runner refuses the
 * request with 503 — nothing is answered unaudited.
 */
@ApplicationScoped
@Identifier("audit")
class AuditStage implements EndStage {

    private static final Logger ACCESS = Logger.getLogger("dev.cordon.access");

    private final AuditSpool spool;

    AuditStage(AuditSpool spool) {
        this.spool = spool;
    }

    @Override
    public Uni<Void> onEnd(Exchange exchange, Ending ending) {
        AuditEvent event = AuditEvents.of(exchange, ending);
        return spool.append(event).invoke(id -> ACCESS.infof(
                "access request_id=%s tenant=%s actor=%s action=%s model=%s outcome=%s status=%d latency_ms=%d phi_entities=%d",
                event.requestId(), event.tenant(), event.actor(), event.action(), event.model(), event.outcome(),
                event.httpStatus(), event.latencyMs(), AuditEvents.entityCount(event))).replaceWithVoid();
    }

    @Override
    public Uni<Void> onStreamStart(Exchange exchange) {
        return spool.append(AuditEvents.streamStarted(exchange)).replaceWithVoid();
    }

    static int status(Ending ending) {
        return ending instanceof Ending.Failure f ? ErrorEnvelopes.status(f.error()) : 200;
    }
}
