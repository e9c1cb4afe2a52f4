package dev.cordon.audit.chain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Builds in-memory trails and tampers with their stored bytes the way an attacker with bucket access could. */
final class Trails {

    static final String CHAIN = "gw-1";
    static final String PREFIX = "audit/";
    static final byte[] SECRET = "k1-secret-0123456789abcdef-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final AuditKeyring KEYRING = AuditKeyring.of("k1", SECRET);

    /** A built trail: its segments in key order and the chain head an external anchor would hold. */
    record Trail(List<SegmentInput> segments, ChainHead head) {
    }

    private Trails() {
    }

    static Trail build(int segments, int recordsPerSegment) {
        return build(segments, recordsPerSegment, KEYRING);
    }

    static Trail build(int segments, int recordsPerSegment, AuditKeyring keyring) {
        AuditChain chain = AuditChain.genesis(keyring);
        List<SegmentInput> inputs = new ArrayList<>();
        String prevSegmentHash = ChainHead.ZERO_HASH;
        long i = 0;
        for (int s = 0; s < segments; s++) {
            List<ChainedRecord> records = new ArrayList<>();
            for (int r = 0; r < recordsPerSegment; r++) {
                records.add(chain.append(AuditEvents.event(++i)));
            }
            byte[] gz = SegmentCodec.encode(CHAIN, records, prevSegmentHash, keyring, AuditEvents.START.plusSeconds(i));
            inputs.add(new SegmentInput(keyOf(records), gz));
            prevSegmentHash = SegmentCodec.segmentHash(gz);
        }
        return new Trail(List.copyOf(inputs), chain.head());
    }

    static String keyOf(List<ChainedRecord> records) {
        return SegmentCodec.objectKey(PREFIX, CHAIN, records.get(0).seq(), records.get(records.size() - 1).seq());
    }

    /** The segment's stored lines (records then seal), without newlines. */
    static List<String> lines(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzipLines(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Replaces segment {@code index}'s bytes with its lines changed by {@code edit}, keeping its key. */
    static List<SegmentInput> editLines(List<SegmentInput> segments, int index, UnaryOperator<List<String>> edit) {
        List<SegmentInput> copy = new ArrayList<>(segments);
        SegmentInput target = copy.get(index);
        copy.set(index, new SegmentInput(target.key(), gzipLines(edit.apply(lines(target.bytes())))));
        return copy;
    }
}
