package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditKeyringTest {

    private static final byte[] SECRET = "s3cr3t-value-that-is-long-enough-32+".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSecretShorterThan32BytesIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> AuditKeyring.of("k1", "short-secret".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1").hasMessageNotContaining("short-secret");
    }

    @Test
    void theCurrentKeyMustBeInTheKeyring() {
        assertThatThrownBy(() -> new AuditKeyring("k2", Map.of("k1", SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k2");
    }

    @Test
    void aKeyIdThatCouldBreakJsonOrLogsIsRejected() {
        assertThatThrownBy(() -> AuditKeyring.of("k 1\"", SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringListsKeyIdsButNeverSecrets() {
        AuditKeyring keyring = new AuditKeyring("k2", Map.of("k1", SECRET, "k2", SECRET));

        String text = keyring.toString();

        assertThat(text).contains("k1", "k2").doesNotContain("s3cr3t");
    }

    @Test
    void changingTheCallersArrayAfterwardsDoesNotChangeTheKey() {
        byte[] secret = SECRET.clone();
        AuditKeyring keyring = AuditKeyring.of("k1", secret);
        String before = keyring.hmacHex("k1", new byte[] {1});

        secret[0] ^= 1;

        assertThat(keyring.hmacHex("k1", new byte[] {1})).isEqualTo(before);
    }
}
