package dev.cordon.admin;

import dev.cordon.audit.AuditEvents;
import dev.cordon.audit.AuditSpool;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.openai.RequestIds;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every admin API call — accepted or refused — leaves an {@code admin:*} record in the audit spool
 * before its response leaves; if the record cannot be accepted, the caller gets a 503 instead.
 */
class AdminAuditFilter {

    private static final Logger LOGGER = Logger.getLogger(AdminAuditFilter.class);

    private final AuditSpool spool;

    AdminAuditFilter(AuditSpool spool) {
        this.spool = spool;
    }

    @ServerResponseFilter
    Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, RoutingContext ctx) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/admin/")) {
            return Uni.createFrom().voidItem();
        }
        AuditEvent event = event(request, response.getStatus(), path, ctx);
        return spool.append(event).replaceWithVoid().onFailure().recoverWithItem(t -> {
            LOGGER.errorf("admin audit record refused: request_id=%s error=%s", event.requestId(), SafeThrowables.describe(t));
            GatewayError error = new GatewayError.Unavailable("The action could not be recorded in the audit trail.", "audit_unavailable");
            response.setStatus(503);
            response.setEntity(dev.cordon.openai.ErrorEnvelopes.envelope(error));
            return null;
        });
    }

    /**
     * A person confined to a tenant is recorded in their own tenant, whatever tenant the path named:
     * a refused attempt on another tenant must not show up in that tenant's trail.
     */
    private static String recordTenant(AdminCaller caller, String path) {
        return caller != null && !caller.platformWide() ? caller.tenantId() : AdminActions.pathTenant(path);
    }

    private static AuditEvent event(ContainerRequestContext request, int status, String path, RoutingContext ctx) {
        AdminCaller caller = request.getProperty(AdminCaller.KEY) instanceof AdminCaller c ? c : null;
        String patient = request.getUriInfo().getQueryParameters().getFirst("patient");
        String outcome = status < 400 ? "success" : status < 500 ? "denied" : "failure";
        return new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MILLIS), RequestIds.of(ctx), null,
                recordTenant(caller, path), caller == null ? null : caller.actor(),
                caller == null ? "service" : caller.actorType(), caller == null ? "admin_key" : caller.authMethod(),
                AdminActions.of(request.getMethod(), path), null, null, null,
                status < 400 ? AuditEvents.declaredId(patient) : null, null, null, Map.of(), outcome,
                status >= 400 ? "http_" + status : null, status, 0, 0, 0,
                ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress(),
                request.getHeaderString("User-Agent"), false);
    }
}
