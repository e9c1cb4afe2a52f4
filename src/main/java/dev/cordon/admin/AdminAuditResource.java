package dev.cordon.admin;

import dev.cordon.audit.AuditIndex;
import dev.cordon.audit.AuditTrail;
import dev.cordon.pipeline.GatewayError;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * "Who accessed which patient's data, when, with what outcome": answered from the PostgreSQL index,
 * each entry citing the segment object and sequence number that prove it; and on-demand
 * verification of the signed trail itself. Authenticated by {@link AdminAuthFilter}.
 */
@Path("/admin/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminAuditResource {

    private final AuditIndex index;
    private final AuditTrail trail;

    AdminAuditResource(AuditIndex index, AuditTrail trail) {
        this.index = index;
        this.trail = trail;
    }

    @GET
    public Response query(@QueryParam("tenant") String tenant, @QueryParam("patient") String patient,
                          @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("limit") Integer limit, @QueryParam("breakGlass") boolean breakGlass) throws SQLException {
        Instant fromTs;
        Instant toTs;
        try {
            fromTs = from == null ? null : Instant.parse(from);
            toTs = to == null ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return AdminErrors.response(GatewayError.InvalidRequest.param(from != null ? "from" : "to",
                    "'from' and 'to' must be ISO-8601 instants such as 2026-11-23T00:00:00Z."));
        }
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        var entries = index.find(new AuditIndex.Query(tenant, patient, actor, fromTs, toTs, max, breakGlass));
        return Response.ok(Map.of("object", "list", "data", entries)).build();
    }

    @GET
    @Path("/verify")
    public Response verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        var report = trail.verify(Optional.ofNullable(from).map(Instant::parse), Optional.ofNullable(to).map(Instant::parse));
        return Response.status(report.intact() ? 200 : 409).entity(Map.of("intact", report.intact(), "summary", report.summary())).build();
    }
}
