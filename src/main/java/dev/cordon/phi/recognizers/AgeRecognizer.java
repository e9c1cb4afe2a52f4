package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Ages over 89 ("92yo", "95-year-old", "age 101"), which Safe Harbor requires to be removed.
 * Ages up to 89 are clinically useful and allowed, so the patterns cannot match them.
 * Immutable and thread-safe.
 */
final class AgeRecognizer extends PatternRecognizer {

    private static final String OVER_89 = "(?:9\\d|1[0-2]\\d)";

    AgeRecognizer() {
        super("age", PhiType.AGE_OVER_89, List.of(
                NamedPattern.of("years-old", "(?i)(?<![\\d.])" + OVER_89
                        + "(?:\\s?-\\s?|\\s)?(?:y/?o\\b|y\\.o\\.|yrs?\\b|years?(?:\\s|-)?old|year-old|yr-old|-?yo\\b|years?\\s+of\\s+age\\b)", 0.85, Starts.digits(2, 3, null)),
                NamedPattern.of("aged", "(?i)\\b(?:age|aged|ages)\\s?:?\\s?" + OVER_89 + "(?![\\d.])", 0.85, Starts.words("age aged ages")),
                NamedPattern.of("nonagenarian", "(?i)\\b(?:nonagenarian|centenarian)\\b", 0.6, Starts.words("nonagenarian centenarian")),
                NamedPattern.of("in-nineties", "(?i)\\bin (?:his|her|their) (?:90s|nineties)\\b", 0.6, Starts.words("in"))),
                Set.of("age", "aged", "old", "yo"));
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return true;
    }
}
