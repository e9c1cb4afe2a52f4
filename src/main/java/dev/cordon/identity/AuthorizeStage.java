package dev.cordon.identity;

import dev.cordon.openai.DeclaredPurpose;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deny by default: the caller must hold the scope its endpoint requires ({@link Scopes}), and a
 * caller narrowed to some purposes of use may declare only those. Model narrowing is checked by the
 * policy stage, once the requested model is known.
 */
@ApplicationScoped
@Identifier("authorize")
class AuthorizeStage implements Stage {

    @Override
    public String name() {
        return "authorize";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        Principal principal = exchange.require(Principal.class);
        String required = Scopes.requiredFor(exchange.operation());
        if (!principal.scopes().contains(required)) {
            return deny("This credential lacks the scope '" + required + "' this endpoint requires.", "insufficient_scope");
        }
        String purpose = DeclaredPurpose.of(exchange);
        if (!Scopes.allowsPurpose(principal.scopes(), purpose)) {
            // The purpose is a validated upper-case name (or INVALID), never free text, so it may be named.
            return deny("This credential may not declare the purpose of use '" + purpose + "'.", "purpose_not_permitted");
        }
        return Uni.createFrom().item(StageOutcome.CONTINUE);
    }

    private static Uni<StageOutcome> deny(String message, String code) {
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.PermissionDenied(message, code)));
    }
}
