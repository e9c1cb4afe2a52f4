package dev.cordon.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signed anchors: small objects written next to the segments that record the chain head at a
 * moment. A verifier that trusts the newest anchor can tell a trail whose last segments were
 * removed from one that simply ended. Canonical JSON with an HMAC under the keyring's current key.
 * Stateless; thread-safe.
 */
public final class AnchorCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnchorCodec() {}

    public static byte[] encode(String chainId, ChainHead head, String segmentHash, Instant ts, AuditKeyring keyring) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "anchor");
        fields.put("chain", chainId);
        fields.put("last_seq", head.lastSeq());
        fields.put("last_hash", head.lastHash());
        fields.put("segment_hash", segmentHash);
        fields.put("ts", CanonicalJson.timestamp(ts));
        fields.put("key_id", keyring.currentKeyId());
        fields.put("hmac", keyring.hmacHex(keyring.currentKeyId(), CanonicalJson.encode(fields)));
        return CanonicalJson.encode(fields);
    }

    /** The head an anchor vouches for; fails with {@link SegmentFormatException} if it is malformed or forged. */
    public static ChainHead decode(byte[] bytes, AuditKeyring keyring) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new SegmentFormatException("anchor is not JSON");
        }
        if (node == null || !node.isObject() || !node.hasNonNull("hmac") || !node.hasNonNull("key_id")) {
            throw new SegmentFormatException("anchor lacks its signature");
        }
        String keyId = node.get("key_id").asText();
        if (!keyring.contains(keyId)) {
            throw new SegmentFormatException("anchor signed with unknown key id " + keyId);
        }
        ObjectNode unsigned = ((ObjectNode) node).deepCopy();
        String hmac = unsigned.remove("hmac").asText();
        String expected = keyring.hmacHex(keyId, CanonicalJson.encode(unsigned));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), hmac.getBytes(StandardCharsets.US_ASCII))) {
            throw new SegmentFormatException("anchor signature does not match");
        }
        return new ChainHead(node.get("last_seq").asLong(), node.get("last_hash").asText());
    }

    public static String objectKey(String prefix, String chainId, long lastSeq) {
        return Objects.requireNonNull(prefix) + chainId + "/anchors/" + String.format("%020d", lastSeq) + ".json";
    }
}
