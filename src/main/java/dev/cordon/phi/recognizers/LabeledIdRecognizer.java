package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Identifiers recognised by the label in front of them (the usual way MRNs, policy numbers and
 * account numbers appear in notes) plus optional unlabeled patterns of the subclass. A labeled
 * value is trusted even when it fails a format check: the writer said what it is.
 * Immutable and thread-safe.
 */
class LabeledIdRecognizer extends PatternRecognizer {

    static final double LABELED_SCORE = 0.85;

    LabeledIdRecognizer(String id, PhiType type, String labels, List<NamedPattern> extra, Set<String> context) {
        super(id, type, withLabel(labels, extra), context);
    }

    private static List<NamedPattern> withLabel(String labels, List<NamedPattern> extra) {
        List<NamedPattern> all = new ArrayList<>();
        all.add(NamedPattern.of("labeled", LabeledIds.after(labels), LABELED_SCORE, 1, Starts.words(labels)));
        all.addAll(extra);
        return all;
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.hasDigit(text);
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        return pattern.name().equals("labeled") && LabeledIds.implausible(text, start, end);
    }
}
