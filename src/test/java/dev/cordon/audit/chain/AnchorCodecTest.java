package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnchorCodecTest {

    private final AuditKeyring keyring = AuditKeyring.of("k1", "anchor-test-key-0123456789abcdefghijkl".getBytes(StandardCharsets.UTF_8));
    private final ChainHead head = new ChainHead(42, "a".repeat(64));

    @Test
    void anAnchorVouchesForTheHeadItWasWrittenFor() {
        byte[] anchor = AnchorCodec.encode("main", head, "b".repeat(64), Instant.parse("2026-11-23T10:00:00Z"), keyring);

        assertThat(AnchorCodec.decode(anchor, keyring)).isEqualTo(head);
    }

    @Test
    void anAnchorMovedBackToHideATruncationIsRejected() {
        String forged = new String(AnchorCodec.encode("main", head, "b".repeat(64), Instant.now(), keyring), StandardCharsets.UTF_8)
                .replace("\"last_seq\":42", "\"last_seq\":40");

        assertThatThrownBy(() -> AnchorCodec.decode(forged.getBytes(StandardCharsets.UTF_8), keyring))
                .isInstanceOf(SegmentFormatException.class).hasMessageContaining("signature");
    }

    @Test
    void anAnchorSignedWithAnotherKeyIsRejected() {
        AuditKeyring other = AuditKeyring.of("k2", "some-other-anchor-key-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AnchorCodec.decode(AnchorCodec.encode("main", head, "b".repeat(64), Instant.now(), other), keyring))
                .isInstanceOf(SegmentFormatException.class).hasMessageContaining("unknown key");
    }

    @Test
    void anchorKeysSortByHead() {
        assertThat(AnchorCodec.objectKey("audit/", "main", 7)).isEqualTo("audit/main/anchors/00000000000000000007.json");
    }
}
