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

    /** Model aliases this tenant's keys may use; empty means none (deny by default). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tenant_models", joinColumns = @JoinColumn(name = "tenant_id"))
    @Column(name = "model_alias")
    public Set<String> allowedModels = new HashSet<>();
}
