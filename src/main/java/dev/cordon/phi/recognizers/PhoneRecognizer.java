package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * North-American telephone numbers: formatted (high base score) or ten bare digits (needs a cue
 * such as "phone" nearby). Numbers introduced as fax are claimed by {@link FaxRecognizer}, which
 * scores higher. Immutable and thread-safe.
 */
final class PhoneRecognizer extends PatternRecognizer {

    static final String FORMATTED = "(?<![\\w-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}"
            + "(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w-])";
    static final String BARE = "(?<![\\w-])(?:\\+1)?\\d{10}(?![\\w-])";

    PhoneRecognizer() {
        super("phone", PhiType.PHONE_NUMBER, List.of(
                NamedPattern.of("formatted", FORMATTED, 0.65, Starts.digits(1, 3, "-. ").withDigits(1, 3, "-. ", "(+")),
                NamedPattern.of("bare", BARE, 0.3, Starts.digits(10, 10, null).withDigits(10, 10, null, "+")),
                NamedPattern.of("local", "(?<![\\w-])\\d{3}-\\d{4}(?![\\w-])", 0.3, Starts.digits(3, 3, "-")),
                NamedPattern.of("labeled", LabeledIds.after("pager|beeper|page|cell|mobile|phone|tel|telephone|ph"), 0.75, 1,
                        Starts.words("pager beeper page cell mobile phone tel telephone ph")),
                NamedPattern.of("international", "(?<![\\w-])\\+(?:[2-9]\\d{0,2})[\\s.-]?\\d{2,4}[\\s.-]\\d{3,4}[\\s.-]?\\d{3,4}(?![\\w-])", 0.6, Starts.symbols("+"))),
                Set.of("phone", "tel", "telephone", "call", "cell", "mobile", "contact", "reach", "number", "ph", "pager"));
    }

    /** Numbers introduced as fax belong to {@link FaxRecognizer}. */
    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        if (pattern.name().equals("labeled")) {
            return LabeledIds.implausible(text, start, end) || Checksums.digitsOnly(text.subSequence(start, end)).length() < 4;
        }
        return TextScan.wordBefore(text, start, 16, "fax");
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.hasDigit(text);
    }
}
