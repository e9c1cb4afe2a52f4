package dev.cordon.phi;

import dev.cordon.phi.recognizers.Recognizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every recognizer over the text in bounded windows, boosts scores by context, then merges.
 * Java regex has no timeout, so no recognizer ever sees more than {@link #WINDOW} characters; windows
 * overlap so that a finding and its left context always fit in one window, and each finding is kept
 * only from the window that "owns" its start offset (no duplicates). Immutable and thread-safe.
 */
final class DefaultPhiAnalyzer implements PhiAnalyzer {

    static final int WINDOW = 4096;
    static final int OVERLAP = 512;
    private static final int STEP = WINDOW - OVERLAP;
    private static final int HALF = OVERLAP / 2;

    private final List<PhiRecognizer> recognizers;
    private final ContextEnhancer enhancer;
    private final double threshold;

    DefaultPhiAnalyzer(List<PhiRecognizer> recognizers, double threshold) {
        this.recognizers = List.copyOf(recognizers);
        this.threshold = threshold;
        Map<String, Set<String>> cues = new HashMap<>();
        for (PhiRecognizer r : this.recognizers) {
            cues.put(r.id(), r.contextWords());
        }
        this.enhancer = new ContextEnhancer(cues);
    }

    @Override
    public List<Finding> analyze(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return List.of();
        }
        List<Finding> raw = new ArrayList<>();
        try {
            for (int from = 0; ; from += STEP) {
                int to = Math.min(text.length(), from + WINDOW);
                boolean last = to == text.length();
                int ownFrom = from == 0 ? 0 : from + HALF;
                int ownTo = last ? Integer.MAX_VALUE : from + STEP + HALF;
                scanWindow(text.substring(from, to), from, ownFrom, ownTo, raw);
                if (last) {
                    break;
                }
            }
        } finally {
            Recognizers.clearThreadCaches();
        }
        return FindingMerger.merge(enhancer.enhance(text, raw), threshold);
    }

    private void scanWindow(CharSequence window, int offset, int ownFrom, int ownTo, List<Finding> out) {
        for (PhiRecognizer r : recognizers) {
            for (Finding f : r.recognize(window)) {
                int start = f.start() + offset;
                if (start >= ownFrom && start < ownTo) {
                    out.add(f.shift(offset));
                }
            }
        }
    }
}
