package dev.cordon.routing;

import java.time.Duration;
import java.util.List;

/**
 * A resolved model alias: where calls go and under which BAA status. Immutable.
 *
 * @param fallbacks aliases tried in order when this one's provider fails before answering; validated
 *     at start by {@link ConfiguredModelCatalog} (see {@link RoutingConfig.Model#fallbacks()})
 */
public record ModelRoute(String alias, ModelType type, String providerId, ProviderKind kind, BaaStatus baa,
                         String upstreamModel, Duration timeout, List<String> fallbacks) {

    public ModelRoute {
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    /**
     * Whether {@code fallback} may take over a request meant for this alias: same type, and at least
     * as trusted, because the PHI stage redacted for this alias's BAA status, not the fallback's.
     */
    public boolean mayFallBackTo(ModelRoute fallback) {
        return fallback.type() == type && (!baa.mayReceivePhi() || fallback.baa().mayReceivePhi());
    }
}
