package dev.cordon.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and reads segments: gzip of JSON lines, the stored record lines in order, then one seal
 * line; every line ends with {@code \n}. Stateless and thread-safe.
 *
 * <p>The seal's {@code created} is part of the signed bytes, so encoding the same records twice
 * at different times gives different bytes and a different segment hash. A shipper that retries
 * an upload must re-send the bytes it first encoded (or pass the same {@code created}).
 */
public final class SegmentCodec {

    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private SegmentCodec() {
    }

    /** Encodes with {@code created} = now. */
    public static byte[] encode(String chainId, List<ChainedRecord> records, String prevSegmentHash, AuditKeyring keyring) {
        return encode(chainId, records, prevSegmentHash, keyring, Instant.now());
    }

    /**
     * Seals {@code records} (non-empty, consecutive, linked; as returned by {@link AuditChain#append})
     * with the keyring's current key.
     *
     * @param prevSegmentHash the previous segment's hash, or {@link ChainHead#ZERO_HASH} for the chain's first segment
     * @throws IllegalArgumentException if the records are empty, not consecutive, not linked, or not as signed
     */
    public static byte[] encode(String chainId, List<ChainedRecord> records, String prevSegmentHash, AuditKeyring keyring,
            Instant created) {
        return seal(chainId, records, prevSegmentHash, keyring, created, true);
    }

    /** Seals without checking that records follow each other: only for tests that model a forger who holds the key. */
    static byte[] sealUnchecked(String chainId, List<ChainedRecord> records, String prevSegmentHash, AuditKeyring keyring,
            Instant created) {
        return seal(chainId, records, prevSegmentHash, keyring, created, false);
    }

    private static byte[] seal(String chainId, List<ChainedRecord> records, String prevSegmentHash, AuditKeyring keyring,
            Instant created, boolean checkLinks) {
        requireChainId(chainId);
        if (!Hashing.isHexSha256(prevSegmentHash)) {
            throw new IllegalArgumentException("prevSegmentHash must be 64 lower-case hex digits");
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one record");
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(records.size() * 700);
        String recordsHash = writeRecordLines(records, text, checkLinks);
        String keyId = keyring.currentKeyId();
        SegmentSeal unsigned = new SegmentSeal(chainId, records.get(0).seq(), records.get(records.size() - 1).seq(),
                records.size(), prevSegmentHash, recordsHash, created.truncatedTo(ChronoUnit.MILLIS), keyId, ChainHead.ZERO_HASH);
        SegmentSeal seal = withHmac(unsigned, keyring.hmacHex(keyId, unsigned.body()));
        text.writeBytes(seal.line());
        text.write('\n');
        return gzip(text.toByteArray());
    }

    /**
     * Reads a segment's structure without authenticating it.
     *
     * @throws SegmentFormatException naming the first malformed line or field
     */
    public static DecodedSegment decode(byte[] gz) {
        RawSegment raw = RawSegment.read(gz);
        List<ChainedRecord> records = new ArrayList<>(raw.recordLines.size());
        for (int i = 0; i < raw.recordLines.size(); i++) {
            records.add(raw.record(i));
        }
        return new DecodedSegment(raw.seal, records, raw.recordsHash, raw.segmentHash);
    }

    /** SHA-256 of the segment's seal line: what the next segment's {@code prev_segment_hash} must be. */
    public static String segmentHash(byte[] gz) {
        return RawSegment.read(gz).segmentHash;
    }

    public static String segmentHash(DecodedSegment segment) {
        return segment.segmentHash();
    }

    /**
     * The object key of a segment: {@code prefix + chainId + "/segments/" + firstSeq + "-" + lastSeq + ".jsonl.gz"}
     * with seqs zero-padded to 20 digits, so keys sort in chain order and a retried upload hits the same key.
     */
    public static String objectKey(String prefix, String chainId, long firstSeq, long lastSeq) {
        requireChainId(chainId);
        return Objects.requireNonNull(prefix, "prefix") + chainId + "/segments/" + String.format("%020d-%020d.jsonl.gz", firstSeq, lastSeq);
    }

    private static String writeRecordLines(List<ChainedRecord> records, ByteArrayOutputStream text, boolean checkLinks) {
        MessageDigest digest = Hashing.newSha256();
        ChainedRecord previous = null;
        for (ChainedRecord record : records) {
            if (checkLinks) {
                requireFollows(previous, record);
            }
            byte[] line = record.line();
            if (!Hashing.sha256Hex(line).equals(record.hash())) {
                throw new IllegalArgumentException("record seq " + record.seq() + " does not hash to its hash: changed after signing");
            }
            text.writeBytes(line);
            text.write('\n');
            digest.update(line);
            digest.update((byte) '\n');
            previous = record;
        }
        return Hashing.HEX.formatHex(digest.digest());
    }

    private static void requireFollows(ChainedRecord previous, ChainedRecord record) {
        if (previous != null && (record.seq() != previous.seq() + 1 || !record.prevHash().equals(previous.hash()))) {
            throw new IllegalArgumentException("record seq " + record.seq() + " does not directly follow seq " + previous.seq());
        }
    }

    private static SegmentSeal withHmac(SegmentSeal seal, String hmac) {
        return new SegmentSeal(seal.chainId(), seal.firstSeq(), seal.lastSeq(), seal.count(), seal.prevSegmentHash(),
                seal.recordsHash(), seal.created(), seal.keyId(), hmac);
    }

    private static byte[] gzip(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip failed", e);
        }
        return out.toByteArray();
    }

    static void requireChainId(String chainId) {
        if (chainId == null || !CHAIN_ID.matcher(chainId).matches()) {
            throw new IllegalArgumentException("chain id must match " + CHAIN_ID.pattern());
        }
    }
}
