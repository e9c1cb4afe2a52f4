package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/** Telephone-shaped numbers with the word "fax" shortly before them. Immutable and thread-safe. */
final class FaxRecognizer extends PatternRecognizer {

    FaxRecognizer() {
        super("fax", PhiType.FAX_NUMBER, List.of(
                NamedPattern.of("formatted", PhoneRecognizer.FORMATTED, 0.9, Starts.digits(1, 3, "-. ").withDigits(1, 3, "-. ", "(+")),
                NamedPattern.of("bare", PhoneRecognizer.BARE, 0.8, Starts.digits(10, 10, null).withDigits(10, 10, null, "+"))),
                Set.of());
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.hasDigit(text);
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        return !TextScan.wordBefore(text, start, 32, "fax") && !TextScan.wordBefore(text, start, 32, "facsimile");
    }
}
