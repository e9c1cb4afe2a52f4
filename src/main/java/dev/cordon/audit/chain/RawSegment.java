package dev.cordon.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A segment split into its raw lines, with the seal parsed. Record lines stay bytes until asked
 * for, so content hashes are computed over exactly what was stored, before any interpretation.
 * Immutable after construction.
 */
final class RawSegment {

    /** Refuse to inflate beyond this, so a forged segment cannot exhaust the verifier's memory. */
    static final int MAX_INFLATED_BYTES = 256 * 1024 * 1024;
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] HMAC_MEMBER = "\"hmac\":\"".getBytes(StandardCharsets.US_ASCII);

    final List<byte[]> recordLines;
    final SegmentSeal seal;
    final String recordsHash;
    final String segmentHash;

    private RawSegment(List<byte[]> recordLines, SegmentSeal seal, String recordsHash, String segmentHash) {
        this.recordLines = recordLines;
        this.seal = seal;
        this.recordsHash = recordsHash;
        this.segmentHash = segmentHash;
    }

    static RawSegment read(byte[] gz) {
        List<byte[]> lines = splitLines(inflate(gz));
        byte[] sealLine = lines.remove(lines.size() - 1);
        if (lines.isEmpty()) {
            throw new SegmentFormatException("segment has a seal but no records");
        }
        SegmentSeal seal = parseSeal(sealLine);
        MessageDigest digest = Hashing.newSha256();
        for (byte[] line : lines) {
            digest.update(line);
            digest.update((byte) '\n');
        }
        return new RawSegment(lines, seal, Hashing.HEX.formatHex(digest.digest()), Hashing.sha256Hex(sealLine));
    }

    /** Parses record line {@code index} (0-based) strictly: it must be exactly the canonical form of what it says. */
    ChainedRecord record(int index) {
        byte[] line = recordLines.get(index);
        String where = "record line " + (index + 1);
        try {
            ChainedRecord record = RecordCodec.parse(readCanonical(line, where), Hashing.sha256Hex(line));
            if (!Arrays.equals(line, record.line())) {
                throw new SegmentFormatException(where + " has fields or forms outside the audit record format");
            }
            return record;
        } catch (SegmentFormatException e) {
            throw e.getMessage().startsWith(where) ? e : new SegmentFormatException(where + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SegmentFormatException(where + ": " + e.getMessage());
        }
    }

    /**
     * The bytes record {@code index}'s HMAC signs: its line without the hmac member. Equal to
     * {@link ChainedRecord#body()} once {@link #record} has accepted the line as canonical, and
     * cheaper, since it skips a second encoding. In canonical form a raw quote never occurs inside
     * a string, so {@code "hmac":"} can only be the top-level member.
     */
    byte[] signedBody(int index) {
        byte[] line = recordLines.get(index);
        int start = indexOf(line, HMAC_MEMBER);
        int end = start + HMAC_MEMBER.length + 65;
        if (line[start - 1] == ',') {
            start--;
        } else {
            end++;
        }
        byte[] body = new byte[line.length - (end - start)];
        System.arraycopy(line, 0, body, 0, start);
        System.arraycopy(line, end, body, start, line.length - end);
        return body;
    }

    private static int indexOf(byte[] line, byte[] part) {
        outer:
        for (int i = 0; i <= line.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (line[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("a canonical record line always has an hmac member");
    }

    private static SegmentSeal parseSeal(byte[] sealLine) {
        try {
            SegmentSeal seal = SegmentSeal.parse(readCanonical(sealLine, "seal line"));
            if (!Arrays.equals(sealLine, seal.line())) {
                throw new SegmentFormatException("seal line has fields or forms outside the seal format");
            }
            return seal;
        } catch (IllegalArgumentException e) {
            throw new SegmentFormatException("seal line: " + e.getMessage());
        }
    }

    private static JsonNode readCanonical(byte[] line, String where) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new SegmentFormatException(where + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new SegmentFormatException(where + " is not a JSON object");
        }
        return node;
    }

    private static byte[] inflate(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] bytes = in.readNBytes(MAX_INFLATED_BYTES + 1);
            if (bytes.length > MAX_INFLATED_BYTES) {
                throw new SegmentFormatException("segment inflates beyond " + MAX_INFLATED_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new SegmentFormatException("segment is not valid gzip (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<byte[]> splitLines(byte[] text) {
        if (text.length == 0 || text[text.length - 1] != '\n') {
            throw new SegmentFormatException("segment does not end with a newline (truncated or empty)");
        }
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                if (i == start) {
                    throw new SegmentFormatException("segment has an empty line " + (lines.size() + 1));
                }
                lines.add(Arrays.copyOfRange(text, start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}
