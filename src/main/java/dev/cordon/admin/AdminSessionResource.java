package dev.cordon.admin;

import dev.cordon.identity.Sessions;
import dev.cordon.pipeline.GatewayError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Ends human sessions on every instance at once: one session, or all of one user's. */
@Path("/admin/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionResource {

    private final Sessions sessions;

    AdminSessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @DELETE
    @Path("/sessions/{sid}")
    public Uni<Response> endSession(@PathParam("tenant") String tenant, @PathParam("sid") String sid) {
        return sessions.revokeSession(tenant, sid).map(v -> Response.ok(Map.of("session", sid, "ended", true)).build())
                .onFailure().recoverWithItem(AdminSessionResource::unavailable);
    }

    @DELETE
    @Path("/subjects/{subject}/sessions")
    public Uni<Response> endSubject(@PathParam("tenant") String tenant, @PathParam("subject") String subject) {
        return sessions.revokeSubject(tenant, subject).map(v -> Response.ok(Map.of("subject", subject, "ended", true)).build())
                .onFailure().recoverWithItem(AdminSessionResource::unavailable);
    }

    private static Response unavailable(Throwable t) {
        return AdminErrors.response(new GatewayError.Unavailable("The session store is unavailable; retry.", "store_unavailable"));
    }
}
