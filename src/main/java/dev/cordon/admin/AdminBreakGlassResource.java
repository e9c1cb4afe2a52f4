package dev.cordon.admin;

import dev.cordon.breakglass.BreakGlass;
import dev.cordon.breakglass.BreakGlassConfig;
import dev.cordon.identity.Scopes;
import dev.cordon.routing.ModelCatalog;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Break-glass requests, approvals and revocations for one tenant. Who may call what is decided by
 * {@link AdminAccess} before these methods run; the requester and approver are the signed-in
 * people from {@link AdminCaller}, never a body field.
 */
@Path("/admin/v1/tenants/{tenant}/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminBreakGlassResource {

    /** {@code justification} required; {@code model} and/or {@code phiUnblock}; {@code lifetimeMinutes} optional. */
    public record RequestBody(String justification, String model, Boolean phiUnblock, Integer lifetimeMinutes) {}

    private static final String WITHHELD = "[withheld: readable by approvers and the requester]";

    private final BreakGlass breakGlass;
    private final BreakGlassConfig config;
    private final ModelCatalog catalog;

    AdminBreakGlassResource(BreakGlass breakGlass, BreakGlassConfig config, ModelCatalog catalog) {
        this.breakGlass = breakGlass;
        this.config = config;
        this.catalog = catalog;
    }

    @POST
    public Uni<Response> request(@PathParam("tenant") String tenant, RequestBody body, @Context RoutingContext ctx) {
        if (body == null) {
            return bad("justification", "Send a JSON body with 'justification' and 'model' and/or 'phiUnblock'.");
        }
        String justification = body.justification() == null ? "" : body.justification().strip();
        if (justification.length() < config.minJustificationLength() || justification.length() > 2000) {
            return bad("justification", "'justification' is required: " + config.minJustificationLength()
                    + "-2000 characters saying why normal access is not enough.");
        }
        boolean phi = Boolean.TRUE.equals(body.phiUnblock());
        if (body.model() == null && !phi) {
            return bad("model", "Name the 'model' to unlock, set 'phiUnblock', or both.");
        }
        if (body.model() != null && catalog.find(body.model()).isEmpty()) {
            return bad("model", "Unknown model alias in 'model'.");
        }
        Optional<Duration> lifetime = Optional.ofNullable(body.lifetimeMinutes()).map(Duration::ofMinutes);
        return decided(breakGlass.request(tenant, caller(ctx).actor(), justification, new BreakGlass.Elevation(body.model(), phi), lifetime), 201);
    }

    @GET
    public Uni<Response> list(@PathParam("tenant") String tenant, @Context RoutingContext ctx) {
        AdminCaller caller = caller(ctx);
        return guard(breakGlass.list(tenant).map(all -> Response.ok(Map.of("object", "list", "data",
                all.stream().map(g -> visibleTo(caller, g)).toList())).build()));
    }

    /** Justifications may quote a patient: only approvers and the requester read them. */
    private static BreakGlass.Grant visibleTo(AdminCaller caller, BreakGlass.Grant g) {
        boolean mayRead = caller.scopes().contains(Scopes.BREAK_GLASS_APPROVE) || caller.actor().equals(g.requester());
        return mayRead ? g : new BreakGlass.Grant(g.id(), g.tenantId(), g.requester(), WITHHELD, g.elevation(), g.status(),
                g.approver(), g.requestedAt(), g.approvedAt(), g.expiresAt());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD) // no body: approving needs nothing but the id
    public Uni<Response> approve(@PathParam("tenant") String tenant, @PathParam("id") String id, @Context RoutingContext ctx) {
        return decided(breakGlass.approve(tenant, id, caller(ctx).actor()), 200);
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> revoke(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return decided(breakGlass.revoke(tenant, id), 200);
    }

    private static AdminCaller caller(RoutingContext ctx) {
        return ctx.get(AdminCaller.KEY);
    }

    private static Uni<Response> decided(Uni<BreakGlass.Decision> decision, int status) {
        return guard(decision.map(d -> d instanceof BreakGlass.Decision.Done done
                ? Response.status(status).entity(done.grant()).build()
                : AdminErrors.response(((BreakGlass.Decision.Refused) d).error())));
    }

    private static Uni<Response> guard(Uni<Response> call) {
        return AdminErrors.storeGuarded(call, "break-glass operation", "The break-glass store is unavailable; retry.");
    }

    private static Uni<Response> bad(String param, String message) {
        return AdminErrors.badParam(param, message);
    }
}
