package dev.cordon.tenancy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link TenantDirectory} over PostgreSQL with a {@link GrantCache} kept honest by {@link InvalidationEpoch}. */
@ApplicationScoped
class CachedTenantDirectory implements TenantDirectory {

    private final GrantCache<KeyGrant> cache;
    private final GrantCache<List<OidcGrant>> issuers;
    private final InvalidationEpoch epoch;

    CachedTenantDirectory(TenancyConfig config, InvalidationEpoch epoch) {
        this.cache = new GrantCache<>(config);
        this.issuers = new GrantCache<>(config);
        this.epoch = epoch;
        epoch.onChange(cache::clear);
        epoch.onChange(issuers::clear);
    }

    @Override
    public Uni<Optional<KeyGrant>> findByApiKey(String secret) {
        String hash = KeyHashes.hash(secret);
        Optional<KeyGrant> cached = cache.lookup(hash, epoch.trusted(), System.nanoTime());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long askedAt = System.nanoTime();
        long generation = cache.generation();
        return Panache.withSession(() -> ApiKeyEntity.<ApiKeyEntity>find(
                        "from ApiKeyEntity k join fetch k.tenant where k.keyHash = ?1 and k.revokedAt is null", hash)
                .firstResult())
                .map(key -> Optional.ofNullable(key).map(CachedTenantDirectory::grantOf))
                .invoke(grant -> cache.store(hash, grant, askedAt, generation));
    }

    @Override
    public Uni<Optional<KeyGrant>> findTenant(String tenantId) {
        String cacheKey = "tenant:" + tenantId;
        Optional<KeyGrant> cached = cache.lookup(cacheKey, epoch.trusted(), System.nanoTime());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long askedAt = System.nanoTime();
        long generation = cache.generation();
        return Panache.withSession(() -> TenantEntity.<TenantEntity>findById(tenantId))
                .map(t -> Optional.ofNullable(t).map(CachedTenantDirectory::tenantGrant))
                .invoke(grant -> cache.store(cacheKey, grant, askedAt, generation));
    }

    @Override
    public Uni<List<OidcGrant>> findByIssuer(String issuer) {
        Optional<List<OidcGrant>> cached = issuers.lookup(issuer, epoch.trusted(), System.nanoTime());
        if (cached != null) {
            return Uni.createFrom().item(cached.orElse(List.of()));
        }
        long askedAt = System.nanoTime();
        long generation = issuers.generation();
        return Panache.withSession(() -> TenantEntity.<TenantEntity>list("oidcIssuer", issuer))
                .map(tenants -> tenants.stream().map(t -> new OidcGrant(tenantGrant(t), t.oidc())).toList())
                .invoke(found -> issuers.store(issuer, found.isEmpty() ? Optional.empty() : Optional.of(found), askedAt, generation));
    }

    private static KeyGrant tenantGrant(TenantEntity tenant) {
        return new KeyGrant(tenant.id, "jwt", tenant.allowedModels, tenant.allowNonBaaDeidentified,
                PhiRulesJson.parse(tenant.phiPolicy), Set.of(), tenant.requireMfa);
    }

    private static KeyGrant grantOf(ApiKeyEntity key) {
        return new KeyGrant(key.tenant.id, key.id, key.tenant.allowedModels, key.tenant.allowNonBaaDeidentified,
                PhiRulesJson.parse(key.tenant.phiPolicy), key.scopes == null || key.scopes.isBlank() ? Set.of() : Set.of(key.scopes.trim().split("\\s+")),
                key.tenant.requireMfa);
    }
}
