package dev.cordon.audit.chain;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC keys of the audit trail: key id to secret, plus the current key id used to sign new
 * records and seals. Older keys stay so that records signed before a rotation still verify.
 *
 * <p>Immutable and thread-safe. Secrets are copied in, never handed out and never printed: the
 * {@link #toString()} lists key ids only. Each thread reuses its own {@link Mac} per key, because
 * {@code Mac.getInstance} costs more than signing one record.
 */
public final class AuditKeyring {

    /** Shortest accepted secret: HMAC-SHA256's block strength needs 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    /**
     * @param currentKeyId key id that signs new records; must be one of {@code secrets}
     * @param secrets      key id ({@code [A-Za-z0-9._-]{1,64}}) to secret of at least 32 bytes
     * @throws IllegalArgumentException naming the offending key id, never the secret
     */
    public AuditKeyring(String currentKeyId, Map<String, byte[]> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        Map<String, SecretKeySpec> copy = new HashMap<>();
        secrets.forEach((keyId, secret) -> copy.put(validId(keyId), new SecretKeySpec(validSecret(keyId, secret), "HmacSHA256")));
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current audit key id " + currentKeyId + " is not in the keyring");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(copy);
    }

    /** A keyring with a single key, which is also the current one. */
    public static AuditKeyring of(String keyId, byte[] secret) {
        return new AuditKeyring(keyId, Map.of(keyId, secret));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> keyIds() {
        return new TreeSet<>(keys.keySet());
    }

    public boolean contains(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Hex HMAC-SHA256 of {@code bytes} under {@code keyId}; the key must be {@linkplain #contains present}. */
    String hmacHex(String keyId, byte[] bytes) {
        return Hashing.HEX.formatHex(mac(keyId).doFinal(bytes));
    }

    private Mac mac(String keyId) {
        return macs.get().computeIfAbsent(keyId, id -> {
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new IllegalArgumentException("unknown audit key id " + id);
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
            }
        });
    }

    private static String validId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("audit key id must match " + KEY_ID.pattern());
        }
        return keyId;
    }

    private static byte[] validSecret(String keyId, byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("audit key " + keyId + " must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        return secret.clone();
    }

    @Override
    public String toString() {
        return "AuditKeyring[current=" + currentKeyId + ", keyIds=" + keyIds() + "]";
    }
}
