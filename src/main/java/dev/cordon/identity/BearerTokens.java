package dev.cordon.identity;

/** What a bearer credential looks like before anything about it is trusted. Stateless. */
public final class BearerTokens {

    private BearerTokens() {}

    /** Compact JWS: a base64url JSON header (so "eyJ"), a payload and a signature, dot-separated. */
    public static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first && token.startsWith("eyJ");
    }
}
