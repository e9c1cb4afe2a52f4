package dev.cordon.admin;

import dev.cordon.identity.BearerTokens;
import dev.cordon.identity.Principal;
import dev.cordon.openai.RequestIds;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.TenantAdmin;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /admin/*} call is authenticated and authorized here, before any resource runs.
 * Platform operators present an admin key (checked against the database each time); people present their identity provider's token, verified by the same authenticate stage
 * as model calls (signature, MFA, session), and are confined to their tenant and operator scopes
 * by {@link AdminAccess}. Tenant API keys are refused: service identities do not administer.
 */
class AdminAuthFilter {

    private static final Logger LOGGER = Logger.getLogger(AdminAuthFilter.class);

    private final TenantAdmin admin;
    private final Stage authenticate;

    AdminAuthFilter(TenantAdmin admin, @Identifier("authenticate") Stage authenticate) {
        this.admin = admin;
        this.authenticate = authenticate;
    }

    @ServerRequestFilter(nonBlocking = true)
    Uni<Response> authenticate(ContainerRequestContext request, RoutingContext ctx) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/admin/")) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return deny("Admin API calls need an admin key or a sign-in token in the Authorization header as 'Bearer <token>'.", "missing_api_key");
        }
        String token = header.substring(7).trim();
        Uni<Authn> authn = BearerTokens.looksLikeJwt(token) ? person(request, ctx)
                : admin.activeAdminKeyId(token).map(id -> id.map(k -> new Authn(AdminCaller.platform(k), null)).orElse(Authn.INVALID));
        return authn.map(a -> a.caller() == null ? AdminErrors.response(a.refusal()) : authorize(request, ctx, path, a.caller()))
                .onFailure().recoverWithItem(t -> {
                    LOGGER.errorf("admin authentication failed: %s", SafeThrowables.describe(t));
                    return AdminErrors.response(new GatewayError.Unavailable("The admin credential store is unavailable.", "auth_unavailable"));
                });
    }

    /** A caller, or why there is none. */
    private record Authn(AdminCaller caller, GatewayError refusal) {
        static final Authn INVALID = new Authn(null, new GatewayError.Unauthenticated("Incorrect admin credentials provided.", "invalid_api_key"));
    }

    private Uni<Authn> person(ContainerRequestContext request, RoutingContext ctx) {
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        Exchange exchange = new Exchange(RequestIds.of(ctx), Operation.ADMIN, request::getHeaderString, ip);
        // Quarkus OIDC verifies tenants' bearer tokens against the request's routing context.
        exchange.put(RoutingContext.class, ctx);
        return authenticate.onRequest(exchange).map(outcome -> {
            if (outcome instanceof StageOutcome.Reject reject) {
                return new Authn(null, reject.error());
            }
            Principal p = exchange.get(Principal.class).orElse(null);
            if (p == null || p.actorType() != Principal.ActorType.HUMAN || p.tenantId() == null) {
                return Authn.INVALID;
            }
            return new Authn(new AdminCaller(p.actor(), "human", p.authMethod(), p.tenantId(), p.scopes()), null);
        });
    }

    private static Response authorize(ContainerRequestContext request, RoutingContext ctx, String path, AdminCaller caller) {
        request.setProperty(AdminCaller.KEY, caller);
        ctx.put(AdminCaller.KEY, caller);
        String action = AdminActions.of(request.getMethod(), path);
        return AdminAccess.check(caller, action, path, request.getUriInfo().getQueryParameters().getFirst("tenant"))
                .map(AdminErrors::response).orElse(null);
    }

    private static Uni<Response> deny(String message, String code) {
        return Uni.createFrom().item(AdminErrors.response(new GatewayError.Unauthenticated(message, code)));
    }
}
