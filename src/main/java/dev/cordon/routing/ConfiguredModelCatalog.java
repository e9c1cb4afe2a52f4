package dev.cordon.routing;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ModelCatalog} from {@link RoutingConfig}, validated eagerly at start so that a typo stops
 * the boot with the exact key instead of failing the first request.
 */
@Startup
@ApplicationScoped
class ConfiguredModelCatalog implements ModelCatalog {

    private final Map<String, ModelRoute> routes;
    private final long created = System.currentTimeMillis() / 1000;

    ConfiguredModelCatalog(RoutingConfig config) {
        List<String> problems = new ArrayList<>();
        config.providers().forEach((id, provider) -> checkProvider(id, provider, problems));
        this.routes = resolve(config, problems);
        routes.values().forEach(route -> checkFallbacks(route, routes, problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid Cordon routing configuration:\n  " + String.join("\n  ", problems));
        }
    }

    private static void checkProvider(String id, RoutingConfig.Provider provider, List<String> problems) {
        String key = "cordon.providers." + id + ".base-url";
        if (provider.kind() == ProviderKind.ECHO) {
            return;
        }
        if (provider.baseUrl().isEmpty()) {
            problems.add(key + " is required for kind " + provider.kind().name().toLowerCase().replace('_', '-'));
            return;
        }
        try {
            URI uri = URI.create(provider.baseUrl().get());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                problems.add(key + " must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + " is not a valid URL");
        }
        if (provider.timeout().isNegative() || provider.timeout().isZero()) {
            problems.add("cordon.providers." + id + ".timeout must be positive");
        }
    }

    private static Map<String, ModelRoute> resolve(RoutingConfig config, List<String> problems) {
        Map<String, ModelRoute> out = new TreeMap<>();
        config.models().forEach((alias, model) -> {
            RoutingConfig.Provider provider = config.providers().get(model.provider());
            if (provider == null) {
                problems.add("cordon.models." + alias + ".provider names unknown provider '" + model.provider()
                        + "' (known: " + config.providers().keySet() + ")");
                return;
            }
            if (model.upstreamModel().isBlank()) {
                problems.add("cordon.models." + alias + ".upstream-model must not be blank");
                return;
            }
            out.put(alias, new ModelRoute(alias, model.type(), model.provider(), provider.kind(), provider.baa(),
                    model.upstreamModel(), provider.timeout(), model.fallbacks().orElse(List.of())));
        });
        return Map.copyOf(out);
    }

    /** Every fallback must exist, differ from the alias, and be eligible by {@link ModelRoute#mayFallBackTo}. */
    private static void checkFallbacks(ModelRoute route, Map<String, ModelRoute> routes, List<String> problems) {
        String key = "cordon.models." + route.alias() + ".fallbacks";
        for (String alias : route.fallbacks()) {
            ModelRoute fallback = routes.get(alias);
            if (fallback == null || alias.equals(route.alias())) {
                problems.add(key + " names " + (fallback == null ? "unknown alias '" : "the alias itself '") + alias
                        + "' (known: " + new TreeMap<>(routes).keySet() + ")");
            } else if (fallback.type() != route.type()) {
                problems.add(key + " names '" + alias + "', a " + fallback.type().name().toLowerCase()
                        + " model, for a " + route.type().name().toLowerCase() + " model");
            } else if (!route.mayFallBackTo(fallback)) {
                problems.add(key + " names '" + alias + "' whose provider '" + fallback.providerId() + "' has baa="
                        + fallback.baa().wireName() + "; a fallback of a " + route.baa().wireName()
                        + " alias must be covered or self-hosted, since PHI was not redacted for it");
            }
        }
    }

    @Override
    public Optional<ModelRoute> find(String alias) {
        return Optional.ofNullable(routes.get(alias));
    }

    @Override
    public Collection<ModelRoute> all() {
        return new TreeMap<>(routes).values();
    }

    @Override
    public long createdEpochSeconds() {
        return created;
    }
}
