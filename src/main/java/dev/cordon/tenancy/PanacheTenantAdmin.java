package dev.cordon.tenancy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** {@link TenantAdmin} on Hibernate Reactive with Panache. */
@ApplicationScoped
class PanacheTenantAdmin implements TenantAdmin {

    private static final Logger LOGGER = Logger.getLogger(PanacheTenantAdmin.class);

    private final InvalidationEpoch epoch;

    PanacheTenantAdmin(InvalidationEpoch epoch) {
        this.epoch = epoch;
    }

    @Override
    public Uni<Optional<TenantView>> createTenant(String id, String name, boolean allowNonBaaDeidentified, boolean requireMfa) {
        String tenantId = id != null ? id : KeyHashes.newId("t_").toLowerCase();
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(Optional.<TenantView>empty());
            }
            TenantEntity tenant = new TenantEntity();
            tenant.id = tenantId;
            tenant.name = name;
            tenant.createdAt = now();
            tenant.allowNonBaaDeidentified = allowNonBaaDeidentified;
            tenant.requireMfa = requireMfa;
            return tenant.<TenantEntity>persist().map(t -> Optional.of(view(t)));
        })).invoke(created -> created.ifPresent(t -> LOGGER.infof("tenant created: tenant=%s", t.id())));
    }

    @Override
    public Uni<List<TenantView>> listTenants() {
        return Panache.withSession(() -> TenantEntity.<TenantEntity>listAll())
                .map(all -> all.stream().map(PanacheTenantAdmin::view).toList());
    }

    @Override
    public Uni<Optional<TenantView>> findTenant(String tenantId) {
        return Panache.withSession(() -> TenantEntity.<TenantEntity>findById(tenantId))
                .map(t -> Optional.ofNullable(t).map(PanacheTenantAdmin::view));
    }

    @Override
    public Uni<Optional<IssuedKey>> issueKey(String tenantId, String name, Set<String> scopes) {
        String secret = KeyHashes.newSecret(KeyHashes.TENANT_KEY_PREFIX);
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).flatMap(tenant -> {
            if (tenant == null) {
                return Uni.createFrom().item(Optional.<IssuedKey>empty());
            }
            ApiKeyEntity key = new ApiKeyEntity();
            key.id = KeyHashes.newId("key_");
            key.tenant = tenant;
            key.name = name;
            key.keyHash = KeyHashes.hash(secret);
            key.keyPrefix = secret.substring(0, KeyHashes.TENANT_KEY_PREFIX.length() + 6);
            key.createdAt = now();
            key.scopes = String.join(" ", new java.util.TreeSet<>(scopes));
            return key.<ApiKeyEntity>persist().map(k ->
                    Optional.of(new IssuedKey(k.id, tenantId, k.name, secret, k.keyPrefix, k.createdAt, Set.copyOf(scopes))));
        })).invoke(issued -> issued.ifPresent(k -> LOGGER.infof("key issued: tenant=%s key=%s", tenantId, k.id())));
    }

    @Override
    public Uni<List<KeyView>> listKeys(String tenantId) {
        return Panache.withSession(() -> ApiKeyEntity.<ApiKeyEntity>list("tenant.id = ?1 order by createdAt", tenantId))
                .map(keys -> keys.stream().map(k -> new KeyView(k.id, tenantId, k.name, k.keyPrefix, k.createdAt, k.revokedAt)).toList());
    }

    @Override
    public Uni<Boolean> revokeKey(String tenantId, String keyId) {
        return Panache.withTransaction(() -> ApiKeyEntity.<ApiKeyEntity>find("id = ?1 and tenant.id = ?2", keyId, tenantId)
                        .firstResult().map(key -> {
                            if (key != null && key.revokedAt == null) {
                                key.revokedAt = now();
                            }
                            return key != null;
                        }))
                .call(found -> found ? epoch.bump() : Uni.createFrom().voidItem())
                .invoke(found -> LOGGER.infof("key revoked: tenant=%s key=%s found=%s", tenantId, keyId, found));
    }

    @Override
    public Uni<Optional<TenantView>> setModels(String tenantId, Set<String> models) {
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).map(tenant -> {
                    if (tenant == null) {
                        return Optional.<TenantView>empty();
                    }
                    tenant.allowedModels.clear();
                    tenant.allowedModels.addAll(models);
                    return Optional.of(view(tenant));
                }))
                .call(updated -> updated.isPresent() ? epoch.bump() : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<Optional<PhiRules>> setPhiRules(String tenantId, PhiRules rules) {
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).map(tenant -> {
                    if (tenant == null) {
                        return Optional.<PhiRules>empty();
                    }
                    tenant.phiPolicy = PhiRulesJson.write(rules);
                    return Optional.of(rules);
                }))
                .call(updated -> updated.isPresent() ? epoch.bump() : Uni.createFrom().voidItem())
                .invoke(updated -> LOGGER.infof("phi policy set: tenant=%s found=%s", tenantId, updated.isPresent()));
    }

    @Override
    public Uni<OidcChange> setOidc(String tenantId, OidcSettings settings) {
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).flatMap(tenant -> {
                    if (tenant == null) {
                        return Uni.createFrom().item(OidcChange.NO_TENANT);
                    }
                    return TenantEntity.count("oidcIssuer = ?1 and oidcAudience = ?2 and id <> ?3", settings.issuer(),
                            settings.audience(), tenantId).map(others -> {
                                if (others > 0) {
                                    return OidcChange.ISSUER_IN_USE;
                                }
                                tenant.oidc(settings);
                                return OidcChange.SET;
                            });
                }))
                .call(change -> change == OidcChange.SET ? epoch.bump() : Uni.createFrom().voidItem())
                .invoke(change -> LOGGER.infof("oidc provider set: tenant=%s outcome=%s", tenantId, change));
    }

    @Override
    public Uni<Boolean> clearOidc(String tenantId) {
        return Panache.withTransaction(() -> TenantEntity.<TenantEntity>findById(tenantId).map(tenant -> {
                    if (tenant != null) {
                        tenant.oidc(null);
                    }
                    return tenant != null;
                }))
                .call(found -> found ? epoch.bump() : Uni.createFrom().voidItem())
                .invoke(found -> LOGGER.infof("oidc provider removed: tenant=%s found=%s", tenantId, found));
    }

    @Override
    public Uni<Void> assertAdminKey(String id, String name, String secret) {
        String hash = KeyHashes.hash(secret);
        return Panache.withTransaction(() -> AdminKeyEntity.<AdminKeyEntity>findById(id).flatMap(existing -> {
            AdminKeyEntity key = existing != null ? existing : new AdminKeyEntity();
            key.id = id;
            key.name = name;
            key.keyHash = hash;
            key.revokedAt = null;
            if (key.createdAt == null) {
                key.createdAt = now();
            }
            return key.persist();
        })).replaceWithVoid();
    }

    @Override
    public Uni<Optional<String>> activeAdminKeyId(String secret) {
        return Panache.withSession(() -> AdminKeyEntity.<AdminKeyEntity>find("keyHash = ?1 and revokedAt is null", KeyHashes.hash(secret))
                .firstResult()).map(key -> Optional.ofNullable(key).map(k -> k.id));
    }

    private static TenantView view(TenantEntity t) {
        return new TenantView(t.id, t.name, t.createdAt, Set.copyOf(new HashSet<>(t.allowedModels)), t.allowNonBaaDeidentified,
                t.requireMfa, t.oidc());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
