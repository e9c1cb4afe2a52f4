package dev.cordon.breakglass;

import dev.cordon.pipeline.GatewayError;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Break-glass: a person with {@code break-glass:request} asks for an elevation with a written
 * justification; it becomes active only when a different person with {@code break-glass:approve}
 * approves it, and expires on its own. All calls are tenant-confined: an id from another tenant is
 * simply not found. Thread-safe; results arrive on the caller's Vert.x context.
 */
public interface BreakGlass {

    /** What an active grant permits beyond the tenant's normal policy. At least one is set. */
    record Elevation(String modelAlias, boolean phiUnblock) {}

    /** Lifecycle: PENDING → ACTIVE → EXPIRED, or PENDING → LAPSED (not approved in time), or → REVOKED. */
    enum Status { PENDING, ACTIVE, EXPIRED, LAPSED, REVOKED }

    /** One request and its state. {@code justification} is shown to approvers only; never logged. */
    record Grant(String id, String tenantId, String requester, String justification, Elevation elevation, Status status,
                 String approver, Instant requestedAt, Instant approvedAt, Instant expiresAt) {}

    /** The result of a state change: the grant, or the reason it was refused. */
    sealed interface Decision {
        record Done(Grant grant) implements Decision {}
        record Refused(GatewayError error) implements Decision {}
    }

    Uni<Decision> request(String tenantId, String requester, String justification, Elevation elevation, Optional<Duration> lifetime);

    Uni<Decision> approve(String tenantId, String id, String approver);

    Uni<Decision> revoke(String tenantId, String id);

    Uni<List<Grant>> list(String tenantId);

    /** The grant with this id if it is ACTIVE now, belongs to the tenant and was requested by {@code subject}. */
    Uni<Optional<Grant>> activeFor(String tenantId, String id, String subject);
}
