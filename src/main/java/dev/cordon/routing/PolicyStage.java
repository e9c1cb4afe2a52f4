package dev.cordon.routing;

import dev.cordon.breakglass.ActiveElevation;
import dev.cordon.identity.Principal;
import dev.cordon.identity.Scopes;
import dev.cordon.openai.RequestedModel;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.KeyGrant;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant policy: the requested alias must exist, be on the tenant's allowlist (or be the model an
 * active break-glass grant names), be within the caller's {@code model:} scopes if it has any, and be
 * of the right type. Unknown and forbidden models get the same 404, so a key cannot probe which aliases exist.
 */
@ApplicationScoped
@Identifier("policy")
class PolicyStage implements Stage {

    private final ModelCatalog catalog;

    PolicyStage(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        if (exchange.operation() == Operation.LIST_MODELS || exchange.operation() == Operation.PHI_ANALYZE
                || exchange.operation() == Operation.PHI_REDACT) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        String alias = exchange.require(RequestedModel.class).alias();
        KeyGrant grant = exchange.require(KeyGrant.class);
        Set<String> scopes = exchange.require(Principal.class).scopes();
        Optional<ActiveElevation> elevation = exchange.get(ActiveElevation.class);
        Optional<ModelRoute> route = catalog.find(alias).filter(r -> (grant.mayUse(r.alias()) || elevation.filter(e -> e.allowsModel(r.alias())).isPresent())
                && Scopes.allowsModel(scopes, r.alias()));
        if (route.isEmpty()) {
            // Never echo the requested name: callers paste anything into 'model', PHI included.
            return reject(new GatewayError.NotFound(
                    "The requested model does not exist or you do not have access to it.", "model", "model_not_found"));
        }
        ModelType expected = exchange.operation() == Operation.EMBEDDINGS ? ModelType.EMBEDDING : ModelType.CHAT;
        if (exchange.operation() != Operation.GET_MODEL && route.get().type() != expected) {
            return reject(new GatewayError.InvalidRequest("The model '" + alias + "' is a " + route.get().type().name().toLowerCase()
                    + " model and cannot serve this endpoint.", "model", "model_type_mismatch"));
        }
        exchange.put(ModelRoute.class, route.get());
        return Uni.createFrom().item(StageOutcome.CONTINUE);
    }

    private static Uni<StageOutcome> reject(GatewayError error) {
        return Uni.createFrom().item(StageOutcome.reject(error));
    }
}
