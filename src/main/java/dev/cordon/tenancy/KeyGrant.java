package dev.cordon.tenancy;

import java.util.Set;

/**
 * What a valid API key grants ({@code scopes} as stored; empty for keys issued before scopes existed): its tenant, its own id and the tenant's model and PHI policy at
 * lookup time. Immutable; may be cached for a short time.
 */
public record KeyGrant(String tenantId, String keyId, Set<String> allowedModels, boolean allowNonBaaDeidentified,
                       PhiRules phiRules, Set<String> scopes, boolean requireMfa) {

    public KeyGrant {
        allowedModels = Set.copyOf(allowedModels);
        scopes = Set.copyOf(scopes);
    }

    public boolean mayUse(String modelAlias) {
        return allowedModels.contains(modelAlias);
    }
}
