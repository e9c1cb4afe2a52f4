package dev.cordon.tenancy;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Operator actions on tenants and keys. Thread-safe; call on a Vert.x context. Changes that narrow
 * access (revocation, allowlist) fail unless every instance has been told to drop its caches.
 */
public interface TenantAdmin {

    /** {@code oidc} is null when the tenant has no identity provider of its own. */
    record TenantView(String id, String name, OffsetDateTime createdAt, Set<String> models,
                      boolean allowNonBaaDeidentified, boolean requireMfa, OidcSettings oidc) {}

    /** Outcome of {@link #setOidc}. */
    enum OidcChange { SET, NO_TENANT, ISSUER_IN_USE }

    /** A new key; {@code secret} is returned exactly once and never stored. */
    record IssuedKey(String id, String tenantId, String name, String secret, String prefix, OffsetDateTime createdAt,
                     Set<String> scopes) {}

    record KeyView(String id, String tenantId, String name, String prefix, OffsetDateTime createdAt,
                   OffsetDateTime revokedAt) {}

    /** Empty when a tenant with this id exists already. */
    Uni<Optional<TenantView>> createTenant(String id, String name, boolean allowNonBaaDeidentified, boolean requireMfa);

    Uni<List<TenantView>> listTenants();

    Uni<Optional<TenantView>> findTenant(String tenantId);

    /** Empty when the tenant does not exist. {@code scopes} must not be empty. */
    Uni<Optional<IssuedKey>> issueKey(String tenantId, String name, Set<String> scopes);

    Uni<List<KeyView>> listKeys(String tenantId);

    /** False when the tenant has no such key. Revoking twice is fine. */
    Uni<Boolean> revokeKey(String tenantId, String keyId);

    /** Replaces the tenant's model allowlist; empty when the tenant does not exist. */
    Uni<Optional<TenantView>> setModels(String tenantId, Set<String> models);

    /** Replaces the tenant's PHI rules; empty when the tenant does not exist. */
    Uni<Optional<PhiRules>> setPhiRules(String tenantId, PhiRules rules);

    /**
     * Sets the tenant's OIDC provider. {@code ISSUER_IN_USE} when another tenant already trusts the
     * same issuer for the same audience (a token must select exactly one tenant).
     */
    Uni<OidcChange> setOidc(String tenantId, OidcSettings settings);

    /** Removes the tenant's OIDC provider; false when the tenant does not exist. */
    Uni<Boolean> clearOidc(String tenantId);

    /** Creates or re-activates the admin key with this id so its hash matches {@code secret}. */
    Uni<Void> assertAdminKey(String id, String name, String secret);

    /** The id of the active admin key with this secret, or empty. */
    Uni<Optional<String>> activeAdminKeyId(String secret);
}
