package dev.cordon.audit;

import dev.cordon.audit.chain.AuditKeyring;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Start-up checks of {@link AuditConfig} that name the offending key, and the keyring it describes. */
final class AuditSettings {

    static final int MIN_RETENTION_DAYS = 2190;

    private AuditSettings() {}

    static void validate(AuditConfig config) {
        if (config.retentionDays() < MIN_RETENTION_DAYS && !config.allowShortRetention()) {
            throw new IllegalStateException("cordon.audit.retention-days=" + config.retentionDays() + " is below the "
                    + MIN_RETENTION_DAYS + "-day (6-year) HIPAA minimum; set cordon.audit.allow-short-retention=true only in tests");
        }
        if (config.retentionDays() < 1) {
            throw new IllegalStateException("cordon.audit.retention-days must be at least 1");
        }
        if (!config.hmacKeys().containsKey(config.currentKeyId())) {
            throw new IllegalStateException("cordon.audit.current-key-id '" + config.currentKeyId()
                    + "' is not one of cordon.audit.hmac-keys." + config.hmacKeys().keySet());
        }
        config.hmacKeys().forEach((id, secret) -> {
            if (secret.getBytes(StandardCharsets.UTF_8).length < AuditKeyring.MIN_SECRET_BYTES) {
                throw new IllegalStateException("cordon.audit.hmac-keys." + id + " must be at least "
                        + AuditKeyring.MIN_SECRET_BYTES + " bytes");
            }
        });
    }

    static AuditKeyring keyring(AuditConfig config) {
        return keyring(config.hmacKeys(), config.currentKeyId());
    }

    static AuditKeyring keyring(Map<String, String> secrets, String currentKeyId) {
        Map<String, byte[]> bytes = new HashMap<>();
        secrets.forEach((id, secret) -> bytes.put(id, secret.getBytes(StandardCharsets.UTF_8)));
        return new AuditKeyring(currentKeyId, bytes);
    }
}
