package dev.cordon.identity;

import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Deny by default: the caller must hold the scope its endpoint requires ({@link Scopes}). */
@ApplicationScoped
@Identifier("authorize")
class AuthorizeStage implements Stage {

    @Override
    public String name() {
        return "authorize";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        String required = Scopes.requiredFor(exchange.operation());
        if (exchange.require(Principal.class).scopes().contains(required)) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.PermissionDenied(
                "This credential lacks the scope '" + required + "' this endpoint requires.", "insufficient_scope")));
    }
}
