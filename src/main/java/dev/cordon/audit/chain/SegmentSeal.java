package dev.cordon.audit.chain;

import static dev.cordon.audit.chain.JsonFields.hash;
import static dev.cordon.audit.chain.JsonFields.instant;
import static dev.cordon.audit.chain.JsonFields.number;
import static dev.cordon.audit.chain.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The last line of a segment: which records it holds, a hash over their exact bytes, the hash of
 * the previous segment's seal, and an HMAC over all of that. Immutable and thread-safe; no
 * component is null.
 *
 * @param chainId         chain the segment belongs to ({@code [A-Za-z0-9._-]+})
 * @param recordsHash     hex SHA-256 over the record lines, each with its trailing {@code \n}
 * @param prevSegmentHash {@link DecodedSegment#segmentHash()} of the previous segment; 64 zeros for the first
 * @param hmac            hex HMAC-SHA256 of the canonical seal without {@code hmac}, under {@code keyId}
 */
public record SegmentSeal(String chainId, long firstSeq, long lastSeq, long count, String prevSegmentHash,
        String recordsHash, Instant created, String keyId, String hmac) {

    static final String TYPE = "seal";

    /** Canonical seal without {@code hmac}: what {@link #hmac()} signs. */
    byte[] body() {
        return CanonicalJson.encode(bodyMap());
    }

    /** The seal line (canonical JSON, no newline): what the segment hash hashes. */
    byte[] line() {
        TreeMap<String, Object> line = bodyMap();
        line.put(RecordCodec.HMAC, hmac);
        return CanonicalJson.encode(line);
    }

    private TreeMap<String, Object> bodyMap() {
        TreeMap<String, Object> body = new TreeMap<>();
        body.put("type", TYPE);
        body.put("chain", chainId);
        body.put("first_seq", firstSeq);
        body.put("last_seq", lastSeq);
        body.put("count", count);
        body.put("prev_segment_hash", prevSegmentHash);
        body.put("records_hash", recordsHash);
        body.put("created", CanonicalJson.timestamp(created));
        body.put("key_id", keyId);
        return body;
    }

    static SegmentSeal parse(JsonNode line) {
        if (!TYPE.equals(JsonFields.optionalText(line, "type"))) {
            throw new SegmentFormatException("last line is not a seal (type must be \"seal\")");
        }
        String chainId = text(line, "chain");
        SegmentCodec.requireChainId(chainId);
        return new SegmentSeal(chainId, number(line, "first_seq"), number(line, "last_seq"), number(line, "count"),
                hash(line, "prev_segment_hash"), hash(line, "records_hash"), instant(line, "created"), text(line, "key_id"),
                hash(line, RecordCodec.HMAC));
    }
}
