package dev.cordon.phi.recognizers;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiRecognizer;
import java.util.List;

/** Test helper: the values a recognizer reports at or above a raw score. */
final class Found {

    private Found() {
    }

    static List<String> values(PhiRecognizer recognizer, String text, double minScore) {
        return recognizer.recognize(text).stream()
                .filter(f -> f.score() >= minScore)
                .sorted(java.util.Comparator.comparingInt(Finding::start))
                .map(f -> text.substring(f.start(), f.end()))
                .toList();
    }

    static List<String> values(PhiRecognizer recognizer, String text) {
        return values(recognizer, text, 0.5);
    }
}
