package dev.cordon.identity;

import java.util.Set;

/**
 * Who is calling, as established by the authenticate stage. Safe to log (no secrets).
 *
 * @param tenantId   the tenant the caller acts for
 * @param actor      the key id (service identities) or subject (humans)
 * @param actorType  human or service
 * @param authMethod how the caller proved it: {@code api_key}, {@code jwt} (gateway-wide IdP) or {@code oidc} (the tenant's IdP)
 * @param scopes     what the caller may do ({@link Scopes}); deny by default
 * @param roles      the roles the tenant's identity provider gave a human user; empty for API keys
 */
public record Principal(String tenantId, String actor, ActorType actorType, String authMethod, Set<String> scopes,
                        Set<String> roles) {

    public Principal {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    /** A principal without roles (API keys). */
    public Principal(String tenantId, String actor, ActorType actorType, String authMethod, Set<String> scopes) {
        this(tenantId, actor, actorType, authMethod, scopes, Set.of());
    }

    public enum ActorType { HUMAN, SERVICE }
}
