package dev.cordon.tenancy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** A hospital or organisation using the gateway. Schema: {@code db/migration/V1__tenancy.sql}. */
@Entity
@Table(name = "tenants")
public class TenantEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Whether de-identified traffic may go to providers without a BAA (decided by the PHI stage). */
    @Column(name = "allow_non_baa_deidentified", nullable = false)
    public boolean allowNonBaaDeidentified;

    /** Whether the tenant's human users must present MFA evidence. */
    @Column(name = "require_mfa", nullable = false)
    public boolean requireMfa = true;

    /** The tenant's PHI rules as JSON ({@link PhiRulesJson}); null means the gateway defaults. */
    @Column(name = "phi_policy")
    public String phiPolicy;

    /** OIDC identity provider of the tenant's users ({@code V6__tenant_oidc.sql}); null issuer: none. */
    @Column(name = "oidc_issuer")
    public String oidcIssuer;

    @Column(name = "oidc_client_id")
    public String oidcClientId;

    @Column(name = "oidc_audience")
    public String oidcAudience;

    @Column(name = "oidc_discovery_url")
    public String oidcDiscoveryUrl;

    @Column(name = "oidc_jwks_url")
    public String oidcJwksUrl;

    /** Space-separated {@code acr} values accepted as MFA evidence. */
    @Column(name = "oidc_acr_values")
    public String oidcAcrValues;

    @Column(name = "oidc_roles_claim")
    public String oidcRolesClaim;

    /** The tenant's OIDC settings, or null when it has none. */
    public OidcSettings oidc() {
        if (oidcIssuer == null) {
            return null;
        }
        java.util.Set<String> acr = oidcAcrValues == null || oidcAcrValues.isBlank() ? java.util.Set.of()
                : java.util.Set.of(oidcAcrValues.trim().split("\\s+"));
        return new OidcSettings(oidcIssuer, oidcClientId, oidcAudience, oidcDiscoveryUrl, oidcJwksUrl, acr, oidcRolesClaim);
    }

    /** Stores {@code settings}; null clears them. */
    public void oidc(OidcSettings settings) {
        oidcIssuer = settings == null ? null : settings.issuer();
        oidcClientId = settings == null ? null : settings.clientId();
        oidcAudience = settings == null ? null : settings.audience();
        oidcDiscoveryUrl = settings == null ? null : settings.discoveryUrl();
        oidcJwksUrl = settings == null ? null : settings.jwksUrl();
        oidcAcrValues = settings == null || settings.acrValues().isEmpty() ? null : String.join(" ", new java.util.TreeSet<>(settings.acrValues()));
        oidcRolesClaim = settings == null ? null : settings.rolesClaim();
    }

    /** Model aliases this tenant's keys may use; empty means none (deny by default). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tenant_models", joinColumns = @JoinColumn(name = "tenant_id"))
    @Column(name = "model_alias")
    public Set<String> allowedModels = new HashSet<>();
}
