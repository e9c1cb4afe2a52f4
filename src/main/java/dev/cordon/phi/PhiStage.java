package dev.cordon.phi;

import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The PHI slot of the pipeline: redaction on the way in, token restore on the way out.
 * Until the PHI engine is wired in, it inspects nothing and records that fact, so routing treats
 * the content as identified and keeps it away from providers without a BAA (fail closed).
 */
@ApplicationScoped
@Identifier("phi")
class PhiStage implements Stage {

    @Override
    public String name() {
        return "phi";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        exchange.put(PhiOutcome.class, PhiOutcome.notInspected());
        return Uni.createFrom().item(StageOutcome.CONTINUE);
    }
}
