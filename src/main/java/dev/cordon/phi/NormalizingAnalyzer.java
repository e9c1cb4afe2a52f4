package dev.cordon.phi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects PHI written with look-alike characters — full-width or mathematical digits and letters,
 * ligatures, zero-width characters inside a name — by analysing an NFKC-folded copy with format
 * characters removed, then mapping every finding back to the original offsets, so the original
 * characters are what gets redacted. Plain ASCII text takes a fast path. Thread-safe if the
 * delegate is.
 */
final class NormalizingAnalyzer implements PhiAnalyzer {

    private final PhiAnalyzer delegate;

    NormalizingAnalyzer(PhiAnalyzer delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<Finding> analyze(String text) {
        if (isAscii(text)) {
            return delegate.analyze(text);
        }
        Folded folded = fold(text);
        List<Finding> found = delegate.analyze(folded.text());
        List<Finding> mapped = new ArrayList<>(found.size());
        for (Finding f : found) {
            int start = folded.starts()[f.start()];
            int end = folded.ends()[f.end() - 1];
            mapped.add(new Finding(f.type(), start, end, f.score(), f.recognizer()));
        }
        return mapped;
    }

    /** The folded text and, per folded char, where its source code point starts and ends in the original. */
    record Folded(String text, int[] starts, int[] ends) {}

    static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() * 3 + 1];
        int[] ends = new int[text.length() * 3 + 1];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.getType(cp) != Character.FORMAT) {
                String piece = cp < 0x80 ? String.valueOf((char) cp) : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                for (int k = 0; k < piece.length(); k++) {
                    if (out.length() == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(piece.charAt(k));
                }
            }
            i = next;
        }
        return new Folded(out.toString(), starts, ends);
    }

    private static boolean isAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
