package dev.cordon.tenancy;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a presented API key grants. Thread-safe; must be called on a Vert.x context.
 * Fails (rather than answering empty) when the key store cannot be reached, so callers fail closed.
 */
public interface TenantDirectory {

    /** The grant of an active key, or empty for unknown and revoked keys. Never logs the secret. */
    Uni<Optional<KeyGrant>> findByApiKey(String secret);

    /** The grant of a tenant for users authenticated elsewhere (JWT), or empty for unknown tenants. */
    Uni<Optional<KeyGrant>> findTenant(String tenantId);

    /**
     * The tenants whose OIDC provider has exactly this issuer (at most one per audience), empty when
     * none. The issuer may come from an unverified token: it only selects who verifies it.
     */
    Uni<List<OidcGrant>> findByIssuer(String issuer);
}
