package dev.cordon.admin;

import dev.cordon.identity.Scopes;
import dev.cordon.pipeline.GatewayError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may do which admin action. Deny by default: an action not listed here is
 * for platform operators only — including naming a tenant's identity provider, since whoever sets
 * the issuer decides who can sign in as that tenant. A person confined to a tenant who names another tenant gets the same
 * 404 as for a tenant that does not exist, so tenants cannot even detect each other. Stateless.
 */
final class AdminAccess {

    private static final Set<String> PLATFORM = Set.of();
    private static final Map<String, Set<String>> ANY_OF = Map.ofEntries(
            Map.entry("admin:get_tenant", Set.of(Scopes.ADMIN_TENANTS)),
            Map.entry("admin:set_models", Set.of(Scopes.ADMIN_TENANTS)),
            Map.entry("admin:set_phi_policy", Set.of(Scopes.ADMIN_TENANTS)),
            Map.entry("admin:get_oidc", Set.of(Scopes.ADMIN_TENANTS)),
            Map.entry("admin:issue_key", Set.of(Scopes.ADMIN_KEYS)),
            Map.entry("admin:list_keys", Set.of(Scopes.ADMIN_KEYS)),
            Map.entry("admin:revoke_key", Set.of(Scopes.ADMIN_KEYS)),
            Map.entry("admin:end_session", Set.of(Scopes.ADMIN_SESSIONS)),
            Map.entry("admin:end_subject_sessions", Set.of(Scopes.ADMIN_SESSIONS)),
            Map.entry("admin:audit_query", Set.of(Scopes.AUDIT_READ)),
            Map.entry("admin:request_break_glass", Set.of(Scopes.BREAK_GLASS_REQUEST)),
            Map.entry("admin:approve_break_glass", Set.of(Scopes.BREAK_GLASS_APPROVE)),
            Map.entry("admin:list_break_glass", Set.of(Scopes.BREAK_GLASS_REQUEST, Scopes.BREAK_GLASS_APPROVE, Scopes.AUDIT_READ)),
            Map.entry("admin:revoke_break_glass", Set.of(Scopes.BREAK_GLASS_APPROVE, Scopes.ADMIN_TENANTS)));

    private AdminAccess() {}

    /** Why the caller may not perform {@code action} on {@code path}, or empty when it may. */
    static Optional<GatewayError> check(AdminCaller caller, String action, String path, String queryTenant) {
        Set<String> anyOf = ANY_OF.getOrDefault(action, PLATFORM);
        if (caller.platformWide()) {
            return anyOf.isEmpty() || anyOf.stream().anyMatch(caller.scopes()::contains) ? Optional.empty()
                    : Optional.of(denied("This admin action is for people, not admin keys."));
        }
        if (anyOf.isEmpty()) {
            return Optional.of(denied("This admin action is reserved for platform operators."));
        }
        if (anyOf.stream().noneMatch(caller.scopes()::contains)) {
            return Optional.of(denied("This sign-in lacks the scope this admin action requires: one of " + new java.util.TreeSet<>(anyOf) + "."));
        }
        String pathTenant = AdminActions.pathTenant(path);
        String tenant = pathTenant != null ? pathTenant : queryTenant;
        if (tenant == null) {
            return Optional.of(GatewayError.InvalidRequest.param("tenant", "Name your tenant with the 'tenant' query parameter."));
        }
        if (!caller.tenantId().equals(tenant)) {
            return Optional.of(new GatewayError.NotFound("No such tenant.", "tenant", "tenant_not_found"));
        }
        return Optional.empty();
    }

    private static GatewayError denied(String message) {
        return new GatewayError.PermissionDenied(message, "insufficient_scope");
    }
}
