package dev.cordon.identity;

/**
 * Who is calling, as established by the authenticate stage. Safe to log (no secrets).
 *
 * @param tenantId the tenant the caller acts for
 * @param actor    the key id (service identities) or subject (humans, later)
 * @param actorType human or service
 * @param authMethod how the caller proved it, e.g. {@code api_key}
 * @param scopes     what the caller may do ({@link Scopes}); deny by default
 */
public record Principal(String tenantId, String actor, ActorType actorType, String authMethod, java.util.Set<String> scopes) {

    public Principal {
        scopes = java.util.Set.copyOf(scopes);
    }

    public enum ActorType { HUMAN, SERVICE }
}
