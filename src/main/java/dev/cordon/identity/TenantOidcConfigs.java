package dev.cordon.identity;

import dev.cordon.tenancy.OidcGrant;
import dev.cordon.tenancy.OidcSettings;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarkus OIDC's view of Cordon tenants: one dynamic OIDC tenant ({@code cordon-<tenant id>}) per
 * Cordon tenant with an identity provider, built from its row. The Cordon tenant is chosen by
 * {@link OidcAuthenticator} and handed over in the routing context under {@link #SELECTED}; requests
 * without it get no tenant (the default OIDC tenant is disabled), so nothing else authenticates here.
 *
 * <p>Thread-safe. The built configuration is reused while the row is unchanged, so Quarkus keeps its
 * provider connection and cached keys; a changed row yields a new configuration, and Quarkus is
 * told to reconnect rather than keep keys from the old issuer.
 */
@ApplicationScoped
class TenantOidcConfigs implements TenantConfigResolver {

    /** Routing-context key of the {@link OidcGrant} whose provider verifies this request's token. */
    static final String SELECTED = "cordon.oidc.selected-tenant";
    // Quarkus OIDC routing-context attribute: replace (reconnect) a dynamic tenant whose config changed.
    private static final String REPLACE_CHANGED = "replace-tenant-configuration-context";
    private static final String DEFAULT_ROLES = "roles";
    private static final String KEYCLOAK_ROLES = "realm_access/roles";

    private record Built(OidcSettings settings, OidcTenantConfig config) {}

    private final ConcurrentHashMap<String, Built> built = new ConcurrentHashMap<>();
    private final IdentityConfig.Oidc config;

    TenantOidcConfigs(IdentityConfig config) {
        this.config = config.oidc();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        OidcGrant selected = context.get(SELECTED);
        if (selected == null) {
            return Uni.createFrom().nullItem();
        }
        context.put(REPLACE_CHANGED, "true");
        return Uni.createFrom().item(configFor(selected.grant().tenantId(), selected.oidc()));
    }

    /** The Quarkus OIDC tenant id of a Cordon tenant. */
    static String oidcTenantId(String tenantId) {
        return "cordon-" + tenantId;
    }

    private OidcTenantConfig configFor(String tenantId, OidcSettings settings) {
        return built.compute(tenantId, (id, previous) -> previous != null && previous.settings().equals(settings) ? previous
                : new Built(settings, build(id, settings))).config();
    }

    private OidcTenantConfig build(String tenantId, OidcSettings s) {
        var builder = OidcTenantConfig.builder()
                .tenantId(oidcTenantId(tenantId))
                .applicationType(ApplicationType.SERVICE)
                .authServerUrl(s.discoveryUrl() != null ? s.discoveryUrl() : s.issuer())
                .clientId(s.clientId())
                .connectionTimeout(config.connectTimeout())
                .connectionRetryCount(0);
        if (s.jwksUrl() != null) {
            builder.discoveryEnabled(false).jwksPath(s.jwksUrl());
        }
        builder.roles().roleClaimPath(s.rolesClaim() != null ? new String[] {s.rolesClaim()} : new String[] {DEFAULT_ROLES, KEYCLOAK_ROLES}).end();
        // Verification is local only: signature with the provider's published keys, never by sending
        // the token back to the provider (Cordon holds no client secret and tokens stay in the gateway).
        return builder.token()
                .issuer(s.issuer())
                .audience(s.audience())
                .subjectRequired(true)
                .forcedJwkRefreshInterval(config.jwksRefreshInterval())
                .allowJwtIntrospection(false)
                .allowOpaqueTokenIntrospection(false)
                .end()
                .build();
    }
}
