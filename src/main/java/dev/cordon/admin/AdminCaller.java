package dev.cordon.admin;

import dev.cordon.identity.Scopes;
import java.util.Set;

/**
 * Who is calling the admin API. Platform operators (admin keys) act on every tenant; people signed
 * in through the tenant's identity provider act only on their own tenant, with the operator scopes
 * their token carries. Stored on the request by {@link AdminAuthFilter}; safe to log.
 *
 * @param tenantId the tenant a person is confined to; null for a platform operator
 */
record AdminCaller(String actor, String actorType, String authMethod, String tenantId, Set<String> scopes) {

    /** Key of the caller in the request properties and the Vert.x routing context. */
    static final String KEY = "cordon.admin-caller";

    AdminCaller {
        scopes = Set.copyOf(scopes);
    }

    static AdminCaller platform(String adminKeyId) {
        return new AdminCaller(adminKeyId, "service", "admin_key", null, Scopes.OPERATOR);
    }

    /** Only admin keys act on every tenant; a person always belongs to one. */
    boolean platformWide() {
        return "admin_key".equals(authMethod);
    }

    boolean isHuman() {
        return "human".equals(actorType);
    }
}
