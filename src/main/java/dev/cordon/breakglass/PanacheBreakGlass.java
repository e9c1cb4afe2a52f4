package dev.cordon.breakglass;

import dev.cordon.pipeline.GatewayError;
import dev.cordon.tenancy.KeyHashes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link BreakGlass} on PostgreSQL. State changes run in one transaction each, so two approvers
 * racing on the same request cannot both succeed (the second sees it ACTIVE and gets a 409).
 */
@ApplicationScoped
class PanacheBreakGlass implements BreakGlass {

    private final BreakGlassConfig config;
    private final BreakGlassAlerts alerts;
    private final Clock clock;

    @jakarta.inject.Inject
    PanacheBreakGlass(BreakGlassConfig config, BreakGlassAlerts alerts) {
        this(config, alerts, Clock.systemUTC());
    }

    PanacheBreakGlass(BreakGlassConfig config, BreakGlassAlerts alerts, Clock clock) {
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public Uni<Decision> request(String tenantId, String requester, String justification, Elevation elevation, Optional<Duration> lifetime) {
        Duration life = lifetime.orElse(config.defaultLifetime());
        if (life.isNegative() || life.isZero() || life.compareTo(config.maxLifetime()) > 0) {
            return refused(GatewayError.InvalidRequest.param("lifetimeMinutes",
                    "'lifetimeMinutes' must be between 1 and " + config.maxLifetime().toMinutes() + "."));
        }
        BreakGlassEntity row = new BreakGlassEntity();
        row.id = KeyHashes.newId("bg_");
        row.tenantId = tenantId;
        row.requester = requester;
        row.justification = justification;
        row.modelAlias = elevation.modelAlias();
        row.phiUnblock = elevation.phiUnblock();
        row.lifetimeSeconds = (int) life.toSeconds();
        row.requestedAt = now();
        return Panache.withTransaction(() -> row.persist()).map(saved -> done(row));
    }

    @Override
    public Uni<Decision> approve(String tenantId, String id, String approver) {
        return change(tenantId, id, row -> {
            Status status = status(row);
            if (status != Status.PENDING) {
                return new Decision.Refused(new GatewayError.Conflict(
                        "This break-glass request is " + status.name().toLowerCase() + " and cannot be approved.", "break_glass_not_pending"));
            }
            // Some IdPs put a case-insensitive user name in 'sub': "Alice" must not approve "alice".
            if (row.requester.strip().equalsIgnoreCase(approver.strip())) {
                return new Decision.Refused(new GatewayError.PermissionDenied(
                        "A break-glass request must be approved by a different person than the requester.", "self_approval"));
            }
            row.approver = approver;
            row.approvedAt = now();
            row.expiresAt = row.approvedAt.plusSeconds(row.lifetimeSeconds);
            return done(row);
        }).invoke(decision -> {
            if (decision instanceof Decision.Done d) {
                alerts.raise("approved", tenantId, d.grant().id(), approver, null);
            }
        });
    }

    @Override
    public Uni<Decision> revoke(String tenantId, String id) {
        return change(tenantId, id, row -> {
            if (row.revokedAt == null) {
                row.revokedAt = now();
            }
            return done(row);
        });
    }

    @Override
    public Uni<List<Grant>> list(String tenantId) {
        return Panache.withSession(() -> BreakGlassEntity.<BreakGlassEntity>find("tenantId = ?1 order by requestedAt desc", tenantId)
                .page(0, 200).list()).map(rows -> rows.stream().map(this::view).toList());
    }

    @Override
    public Uni<Optional<Grant>> activeFor(String tenantId, String id, String subject) {
        return find(tenantId, id).map(row -> row.filter(r -> r.requester.equals(subject) && status(r) == Status.ACTIVE).map(this::view));
    }

    private Uni<Decision> change(String tenantId, String id, Function<BreakGlassEntity, Decision> mutation) {
        return Panache.withTransaction(() -> BreakGlassEntity.<BreakGlassEntity>find("id = ?1 and tenantId = ?2", id, tenantId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(row -> row == null ? notFound() : mutation.apply(row)));
    }

    private Uni<Optional<BreakGlassEntity>> find(String tenantId, String id) {
        return Panache.withSession(() -> BreakGlassEntity.<BreakGlassEntity>find("id = ?1 and tenantId = ?2", id, tenantId).firstResult())
                .map(Optional::ofNullable);
    }

    Status status(BreakGlassEntity row) {
        OffsetDateTime now = now();
        if (row.revokedAt != null) {
            return Status.REVOKED;
        }
        if (row.approvedAt == null) {
            return row.requestedAt.plus(config.approvalWindow()).isAfter(now) ? Status.PENDING : Status.LAPSED;
        }
        return row.expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }

    private Decision done(BreakGlassEntity row) {
        return new Decision.Done(view(row));
    }

    private Grant view(BreakGlassEntity r) {
        return new Grant(r.id, r.tenantId, r.requester, r.justification, new Elevation(r.modelAlias, r.phiUnblock), status(r), r.approver,
                r.requestedAt.toInstant(), r.approvedAt == null ? null : r.approvedAt.toInstant(),
                r.expiresAt == null ? null : r.expiresAt.toInstant());
    }

    private static Decision notFound() {
        return new Decision.Refused(new GatewayError.NotFound("No such break-glass request for this tenant.", "id", "break_glass_not_found"));
    }

    private static Uni<Decision> refused(GatewayError error) {
        return Uni.createFrom().item(new Decision.Refused(error));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
