package dev.cordon.phi;

import dev.cordon.routing.BaaStatus;
import dev.cordon.tenancy.PhiRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the {@link PhiPolicy} of one request: the gateway defaults ({@link PhiConfig}, checked
 * at start naming the key), overlaid by the tenant's rules for the declared purpose of use, and —
 * for providers without a BAA — with nothing left in the clear. Gateway block types always block.
 * Immutable; thread-safe.
 */
@Startup
@ApplicationScoped
class PhiPolicies {

    private final Map<PhiType, PhiAction> gatewayActions = new EnumMap<>(PhiType.class);
    private final Set<PhiType> gatewayBlocks;
    private final PhiAction gatewayDefault;

    PhiPolicies(PhiConfig config) {
        config.coveredActions().forEach((name, action) -> gatewayActions.put(type("cordon.phi.covered-actions." + name, name), action));
        java.util.EnumSet<PhiType> blocks = java.util.EnumSet.noneOf(PhiType.class);
        config.blockTypes().forEach(name -> blocks.add(type("cordon.phi.block-types", name)));
        this.gatewayBlocks = blocks;
        this.gatewayDefault = config.coveredDefaultAction();
    }

    /**
     * @param purpose    the declared purpose of use, or null
     * @param breakGlass whether an active break-glass grant unblocks the tenant's blocked types: they
     *                   are then tokenized (the model sees a token, never the value); gateway-wide
     *                   blocks still hold, since the platform operator set them
     */
    PhiPolicy resolve(BaaStatus baa, PhiRules tenantRules, String purpose, boolean breakGlass) {
        PhiRules rules = tenantRules.forPurpose(purpose);
        Map<PhiType, PhiAction> actions = new EnumMap<>(gatewayActions);
        rules.actions().forEach((name, action) -> actions.put(PhiType.valueOf(name), unblocked(PhiAction.valueOf(action.toUpperCase()), breakGlass)));
        gatewayBlocks.forEach(t -> actions.put(t, PhiAction.BLOCK));
        PhiAction fallback = rules.defaultAction() == null ? gatewayDefault
                : unblocked(PhiAction.valueOf(rules.defaultAction().toUpperCase()), breakGlass);
        if (!baa.mayReceivePhi()) {
            // Without a BAA nothing may pass in the clear: what a tenant allows is tokenized instead.
            actions.replaceAll((t, a) -> a == PhiAction.ALLOW ? PhiAction.TOKENIZE : a);
            fallback = fallback == PhiAction.ALLOW ? PhiAction.TOKENIZE : fallback;
        }
        return new PhiPolicy(actions, fallback);
    }

    /** Under break-glass the tenant's own blocks become tokens; the operator's blocks are never touched. */
    private static PhiAction unblocked(PhiAction tenantAction, boolean breakGlass) {
        return breakGlass && tenantAction == PhiAction.BLOCK ? PhiAction.TOKENIZE : tenantAction;
    }

    private static PhiType type(String key, String name) {
        try {
            return PhiType.valueOf(name.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": unknown PHI type '" + name + "'", e);
        }
    }
}
