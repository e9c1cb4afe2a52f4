package dev.cordon.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code iss} and {@code aud} of a JWT read WITHOUT verifying it. Used only to choose which
 * tenant's identity provider verifies the token; never for a decision about access.
 *
 * @param issuer    the token's {@code iss}
 * @param audiences the token's {@code aud} (a string or an array in the token)
 */
record UnverifiedClaims(String issuer, List<String> audiences) {

    /** Longer tokens are not peeked at (real access tokens are a few KB). */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    UnverifiedClaims {
        audiences = List.copyOf(audiences);
    }

    /** The claims, or empty when the token is not a JWT with a string {@code iss}. */
    static Optional<UnverifiedClaims> peek(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (token.length() > MAX_TOKEN_LENGTH || second < 0) {
            return Optional.empty();
        }
        try {
            JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8));
            return payload.getValue("iss") instanceof String issuer && !issuer.isBlank()
                    ? Optional.of(new UnverifiedClaims(issuer, audiences(payload.getValue("aud")))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> audiences(Object aud) {
        List<String> out = new ArrayList<>();
        if (aud instanceof String s) {
            out.add(s);
        } else if (aud instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof String s) {
                    out.add(s);
                }
            });
        }
        return out;
    }
}
