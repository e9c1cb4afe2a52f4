package dev.cordon.audit;

import dev.cordon.identity.Principal;
import dev.cordon.openai.ErrorEnvelopes;
import dev.cordon.phi.PhiOutcome;
import dev.cordon.pipeline.EndStage;
import dev.cordon.pipeline.Ending;
import dev.cordon.pipeline.Exchange;
import dev.cordon.routing.ModelRoute;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The audit slot: runs on every ending path. Today it writes one structured access line per
 * request (ids, outcome, counts — never content); the signed, hash-chained, Object-Locked trail
 * replaces it behind the same slot.
 */
@ApplicationScoped
@Identifier("audit")
class AccessLogStage implements EndStage {

    private static final Logger LOGGER = Logger.getLogger("dev.cordon.access");

    @Override
    public Uni<Void> onEnd(Exchange exchange, Ending ending) {
        String tenant = exchange.get(Principal.class).map(Principal::tenantId).orElse("-");
        String actor = exchange.get(Principal.class).map(Principal::actor).orElse("-");
        String model = exchange.get(ModelRoute.class).map(ModelRoute::alias).orElse("-");
        String provider = exchange.get(ModelRoute.class).map(ModelRoute::providerId).orElse("-");
        int phiCount = exchange.get(PhiOutcome.class).map(p -> p.countsByType().values().stream().mapToInt(Integer::intValue).sum()).orElse(0);
        long latencyMicros = (System.nanoTime() - exchange.startNanos()) / 1000;
        LOGGER.infof("access request_id=%s tenant=%s actor=%s op=%s model=%s provider=%s outcome=%s phi_entities=%d latency_us=%d",
                exchange.requestId(), tenant, actor, exchange.operation(), model, provider, outcome(ending), phiCount, latencyMicros);
        return Uni.createFrom().voidItem();
    }

    private static String outcome(Ending ending) {
        if (ending instanceof Ending.Success success) {
            return "success tokens=" + success.usage().totalTokens();
        }
        if (ending instanceof Ending.Failure failure) {
            return "failure status=" + ErrorEnvelopes.status(failure.error()) + " code=" + failure.error().code();
        }
        return "cancelled";
    }
}
