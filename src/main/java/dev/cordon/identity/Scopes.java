package dev.cordon.identity;

import dev.cordon.pipeline.Operation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scopes that guard the gateway; everything not granted is denied.
 *
 * <p>Three kinds: endpoint scopes ({@code chat:generate}, ...) that every call needs one of;
 * operator scopes ({@code admin:keys}, {@code audit:read}, ...) for the admin API; and narrowing
 * scopes {@code model:<alias>} and {@code purpose:<NAME>}: a credential holding any scope of such a
 * kind may use only the models, or declare only the purposes of use, it names.
 */
public final class Scopes {

    public static final String CHAT = "chat:generate";
    public static final String EMBEDDINGS = "embeddings:create";
    public static final String MODELS = "models:read";
    public static final String PHI = "phi:analyze";

    public static final String ADMIN_TENANTS = "admin:tenants";
    public static final String ADMIN_KEYS = "admin:keys";
    public static final String ADMIN_SESSIONS = "admin:sessions";
    public static final String AUDIT_READ = "audit:read";
    public static final String BREAK_GLASS_REQUEST = "break-glass:request";
    public static final String BREAK_GLASS_APPROVE = "break-glass:approve";

    public static final String MODEL_PREFIX = "model:";
    public static final String PURPOSE_PREFIX = "purpose:";

    /** What an API key grants when it was issued without explicit scopes. */
    public static final Set<String> INFERENCE = Set.of(CHAT, EMBEDDINGS, MODELS, PHI);

    /**
     * What a platform admin key holds, on every tenant. Not the break-glass scopes: requesting and
     * approving elevated access must each be done by a named person.
     */
    public static final Set<String> OPERATOR = Set.of(ADMIN_TENANTS, ADMIN_KEYS, ADMIN_SESSIONS, AUDIT_READ);

    private static final Pattern MODEL_SCOPE = Pattern.compile("model:[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern PURPOSE_SCOPE = Pattern.compile("purpose:[A-Z][A-Z_]{1,39}");

    private Scopes() {}

    public static String requiredFor(Operation operation) {
        return switch (operation) {
            case CHAT_COMPLETIONS -> CHAT;
            case EMBEDDINGS -> EMBEDDINGS;
            case LIST_MODELS, GET_MODEL -> MODELS;
            case PHI_ANALYZE, PHI_REDACT -> PHI;
            case ADMIN -> throw new IllegalArgumentException("admin calls are authorized per action by the admin API");
        };
    }

    /** Space-separated scopes (OAuth {@code scope} claim, stored key scopes); null → empty. */
    public static Set<String> parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(spaceSeparated.trim().split("\\s+"))));
    }

    /** Whether an API key (a service identity) may be issued this scope; operator scopes are for people. */
    public static boolean known(String scope) {
        return INFERENCE.contains(scope) || MODEL_SCOPE.matcher(scope).matches() || PURPOSE_SCOPE.matcher(scope).matches();
    }

    /** Whether {@code scopes} let the caller use {@code alias}: yes unless it holds model scopes naming others. */
    public static boolean allowsModel(Set<String> scopes, String alias) {
        return allows(scopes, MODEL_PREFIX, alias);
    }

    /** Whether {@code scopes} let the caller declare {@code purpose}; no declared purpose (null) is always allowed. */
    public static boolean allowsPurpose(Set<String> scopes, String purpose) {
        return purpose == null || allows(scopes, PURPOSE_PREFIX, purpose);
    }

    private static boolean allows(Set<String> scopes, String prefix, String value) {
        boolean narrowed = false;
        for (String scope : scopes) {
            if (scope.startsWith(prefix)) {
                if (scope.length() == prefix.length() + value.length() && scope.endsWith(value)) {
                    return true;
                }
                narrowed = true;
            }
        }
        return !narrowed;
    }
}
