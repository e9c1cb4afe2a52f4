package dev.cordon.admin;

import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.tenancy.TenantAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /admin/*} call needs an active admin key as a bearer token; checked against the database each time. */
class AdminAuthFilter {

    /** Request property holding the id of the admin key that authenticated the call (for audit). */
    static final String ADMIN_KEY_ID = "cordon.admin-key-id";

    private static final Logger LOGGER = Logger.getLogger(AdminAuthFilter.class);

    private final TenantAdmin admin;

    AdminAuthFilter(TenantAdmin admin) {
        this.admin = admin;
    }

    @ServerRequestFilter(nonBlocking = true)
    Uni<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin/")) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return deny("Admin API calls need an admin key in the Authorization header as 'Bearer <key>'.", "missing_api_key");
        }
        return admin.activeAdminKeyId(header.substring(7).trim())
                .map(id -> {
                    if (id.isEmpty()) {
                        return AdminErrors.response(new GatewayError.Unauthenticated("Incorrect admin key provided.", "invalid_api_key"));
                    }
                    request.setProperty(ADMIN_KEY_ID, id.get());
                    return null;
                })
                .onFailure().recoverWithItem(t -> {
                    LOGGER.errorf("admin key lookup failed: %s", SafeThrowables.describe(t));
                    return AdminErrors.response(new GatewayError.Unavailable("The admin key store is unavailable.", "auth_unavailable"));
                });
    }

    private static Uni<Response> deny(String message, String code) {
        return Uni.createFrom().item(AdminErrors.response(new GatewayError.Unauthenticated(message, code)));
    }
}
