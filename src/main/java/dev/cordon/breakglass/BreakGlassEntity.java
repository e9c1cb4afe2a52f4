package dev.cordon.breakglass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code break_glass_requests}; see {@link BreakGlass} for the lifecycle. */
@Entity
@Table(name = "break_glass_requests")
public class BreakGlassEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String requester;

    @Column(nullable = false)
    public String justification;

    @Column(name = "model_alias")
    public String modelAlias;

    @Column(name = "phi_unblock", nullable = false)
    public boolean phiUnblock;

    @Column(name = "lifetime_seconds", nullable = false)
    public int lifetimeSeconds;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    public String approver;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
