package dev.cordon.phi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns raw, possibly overlapping findings into a sorted, non-overlapping list. Overlapping
 * findings are united into one span (so no part of any of them is left in clear text) that takes
 * the type, score and recognizer of its best member: highest score, then longest, then type order,
 * then recognizer id, which makes the result deterministic. Stateless.
 */
final class FindingMerger {

    private static final Comparator<Finding> BEST_FIRST = Comparator
            .comparingDouble(Finding::score).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparing(Finding::type)
            .thenComparing(Finding::recognizer);

    private FindingMerger() {
    }

    static List<Finding> merge(List<Finding> findings, double threshold) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.score() >= threshold) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        List<Finding> out = new ArrayList<>(kept.size());
        int i = 0;
        while (i < kept.size()) {
            Finding best = kept.get(i);
            int start = best.start();
            int end = best.end();
            int j = i + 1;
            while (j < kept.size() && kept.get(j).start() < end) {
                Finding f = kept.get(j);
                end = Math.max(end, f.end());
                if (BEST_FIRST.compare(f, best) < 0) {
                    best = f;
                }
                j++;
            }
            out.add(new Finding(best.type(), start, end, best.score(), best.recognizer()));
            i = j;
        }
        return out;
    }
}
