package dev.cordon.identity;

import dev.cordon.pipeline.Operation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The scopes that guard the gateway's endpoints; everything not granted is denied. */
public final class Scopes {

    public static final String CHAT = "chat:generate";
    public static final String EMBEDDINGS = "embeddings:create";
    public static final String MODELS = "models:read";
    public static final String PHI = "phi:analyze";

    /** What an API key grants when it was issued without explicit scopes. */
    public static final Set<String> INFERENCE = Set.of(CHAT, EMBEDDINGS, MODELS, PHI);

    private Scopes() {}

    public static String requiredFor(Operation operation) {
        return switch (operation) {
            case CHAT_COMPLETIONS -> CHAT;
            case EMBEDDINGS -> EMBEDDINGS;
            case LIST_MODELS, GET_MODEL -> MODELS;
            case PHI_ANALYZE, PHI_REDACT -> PHI;
        };
    }

    /** Space-separated scopes (OAuth {@code scope} claim, stored key scopes); null → empty. */
    public static Set<String> parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(spaceSeparated.trim().split("\\s+"))));
    }

    public static boolean known(String scope) {
        return INFERENCE.contains(scope);
    }
}
