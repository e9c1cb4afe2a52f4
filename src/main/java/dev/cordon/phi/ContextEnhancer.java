package dev.cordon.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises the score of a finding when one of its recognizer's cue words ("MRN", "DOB", "phone"...)
 * appears shortly before it (or, less often, right after). Kept apart from the recognizers so the
 * rule is written once (Presidio's LemmaContextAwareEnhancer plays the same role).
 * Immutable and thread-safe.
 */
final class ContextEnhancer {

    static final double BOOST = 0.35;
    private static final int BEFORE = 48;
    private static final int AFTER = 16;

    private final Map<String, Set<String>> wordsByRecognizer;

    ContextEnhancer(Map<String, Set<String>> wordsByRecognizer) {
        this.wordsByRecognizer = Map.copyOf(wordsByRecognizer);
    }

    List<Finding> enhance(String text, List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Set<String> cues = wordsByRecognizer.getOrDefault(f.recognizer(), Set.of());
            if (f.score() < 1.0 && !cues.isEmpty() && hasCue(text, f, cues)) {
                out.add(f.withScore(Math.min(1.0, f.score() + BOOST)));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean hasCue(String text, Finding f, Set<String> cues) {
        return anyWordIn(text, Math.max(0, f.start() - BEFORE), f.start(), cues)
                || anyWordIn(text, f.end(), Math.min(text.length(), f.end() + AFTER), cues);
    }

    private static boolean isCue(String text, int at, int len, Set<String> cues) {
        for (String cue : cues) {
            if (cue.length() == len && text.regionMatches(true, at, cue, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** Scans letter runs in [from, to); words cut by the window edge are still compared. */
    private static boolean anyWordIn(String text, int from, int to, Set<String> cues) {
        int i = from;
        while (i < to) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < to && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j - i <= 24 && isCue(text, i, j - i, cues)) {
                return true;
            }
            i = j;
        }
        return false;
    }
}
