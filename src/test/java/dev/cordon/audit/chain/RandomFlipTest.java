package dev.cordon.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.audit.chain.Trails.Trail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Beyond the named attacks: any single changed byte, anywhere, is reported and never crashes the verifier. */
class RandomFlipTest {

    private static final Trail TRAIL = Trails.build(3, 10);

    @Test
    void everySingleByteChangeInsideASegmentIsReported() throws IOException {
        Random random = new Random(4);
        for (int attempt = 0; attempt < 300; attempt++) {
            int segment = random.nextInt(3);
            byte[] text = gunzip(TRAIL.segments().get(segment).bytes());
            text[random.nextInt(text.length)] ^= (byte) (1 + random.nextInt(255));

            VerificationReport report = verifyWith(segment, gzip(text));

            assertThat(report.intact()).as("attempt %d", attempt).isFalse();
            assertThat(report.problem().orElseThrow().segmentKey()).isEqualTo(TRAIL.segments().get(segment).key());
        }
    }

    @Test
    void everySingleByteChangeInTheCompressedBytesIsReportedUnlessTheContentIsUnchanged() throws IOException {
        // The gzip header's mtime, flags and OS bytes and deflate padding carry no content, so changing them changes nothing signed.
        Random random = new Random(7);
        for (int attempt = 0; attempt < 100; attempt++) {
            int segment = random.nextInt(3);
            byte[] gz = TRAIL.segments().get(segment).bytes().clone();
            gz[random.nextInt(gz.length)] ^= (byte) (1 + random.nextInt(255));

            VerificationReport report = verifyWith(segment, gz);

            assertThat(report.intact()).as("attempt %d", attempt).isEqualTo(sameContent(gz, TRAIL.segments().get(segment).bytes()));
        }
    }

    private static boolean sameContent(byte[] gz, byte[] original) throws IOException {
        try {
            return Arrays.equals(gunzip(gz), gunzip(original));
        } catch (IOException corrupt) {
            return false;
        }
    }

    private static VerificationReport verifyWith(int segment, byte[] bytes) {
        List<SegmentInput> segments = new ArrayList<>(TRAIL.segments());
        segments.set(segment, new SegmentInput(segments.get(segment).key(), bytes));
        return AuditVerifier.verify(segments, Trails.KEYRING, Optional.empty(), Optional.empty(), Optional.of(TRAIL.head()));
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text);
        }
        return out.toByteArray();
    }
}
