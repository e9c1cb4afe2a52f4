package dev.cordon.phi;

import dev.cordon.routing.BaaStatus;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Resolves the {@link PhiPolicy} for a provider's BAA status from {@link PhiConfig}, validated at
 * start (unknown type names stop the boot naming the key). Immutable; thread-safe.
 */
@Startup
@ApplicationScoped
class PhiPolicies {

    private final PhiPolicy covered;
    private final PhiPolicy uncovered;

    PhiPolicies(PhiConfig config) {
        Map<PhiType, PhiAction> coveredActions = new EnumMap<>(PhiType.class);
        config.coveredActions().forEach((name, action) -> coveredActions.put(type("cordon.phi.covered-actions." + name, name), action));
        Map<PhiType, PhiAction> uncoveredActions = new EnumMap<>(PhiType.class);
        for (String name : config.blockTypes()) {
            PhiType type = type("cordon.phi.block-types", name);
            coveredActions.put(type, PhiAction.BLOCK);
            uncoveredActions.put(type, PhiAction.BLOCK);
        }
        this.covered = new PhiPolicy(coveredActions, config.coveredDefaultAction());
        // Without a BAA nothing may pass in the clear: every type is tokenized (or blocked).
        this.uncovered = new PhiPolicy(uncoveredActions, PhiAction.TOKENIZE);
    }

    PhiPolicy forProvider(BaaStatus baa) {
        return baa.mayReceivePhi() ? covered : uncovered;
    }

    private static PhiType type(String key, String name) {
        try {
            return PhiType.valueOf(name.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": unknown PHI type '" + name + "'", e);
        }
    }
}
