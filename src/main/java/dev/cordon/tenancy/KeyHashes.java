package dev.cordon.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Creates and hashes key secrets. Secrets carry 256 random bits, so a plain SHA-256 is a safe
 * lookup hash (no password stretching needed) and lets keys be found by hash in one index probe.
 */
public final class KeyHashes {

    /** Marks Cordon tenant keys, so secret scanners and operators recognise them. */
    public static final String TENANT_KEY_PREFIX = "cdn_";
    /** Marks admin keys. */
    public static final String ADMIN_KEY_PREFIX = "cdnadm_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashes() {}

    /** A new secret: the prefix and 32 random bytes, base64url without padding. */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random identifier for rows, safe to log. */
    public static String newId(String prefix) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
