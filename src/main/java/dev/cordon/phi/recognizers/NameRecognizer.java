package dev.cordon.phi.recognizers;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiRecognizer;
import dev.cordon.phi.PhiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Person names (patients, relatives, clinicians) from dictionary membership plus shape: titles
 * ("Dr. John L.", "Mr. Foley"), given name + initial ("Anna S."), given name + surname ("Mary
 * Johnson"), cue words ("named", "pt", "daughter"), lower-case and ALL-CAPS notes. Eponyms and
 * names followed by a medical noun ("Foley catheter", "Wells score") are not names. Words are
 * looked up in place, without substrings. Immutable and thread-safe; the dictionaries are shared.
 */
final class NameRecognizer implements PhiRecognizer {

    static final int MIN_FIRST_COUNT = 1_000;
    static final int MAX_SURNAME_RANK = 100_000;
    static final int LOWER_CASE_MIN_FIRST_COUNT = 5_000;
    static final int LOWER_CASE_MAX_SURNAME_RANK = 15_000;

    private final NameDictionary names = NameDictionary.get();

    @Override
    public String id() {
        return "name";
    }

    @Override
    public PhiType type() {
        return PhiType.NAME;
    }

    @Override
    public Set<String> contextWords() {
        return Set.of("patient", "pt", "named", "name", "mr", "mrs", "ms", "dr", "seen", "son", "daughter", "wife",
                "husband", "mother", "father");
    }

    @Override
    public List<Finding> recognize(CharSequence text) {
        if (text.length() > PatternRecognizer.MAX_INPUT) {
            throw new IllegalArgumentException("input of " + text.length() + " chars exceeds " + PatternRecognizer.MAX_INPUT);
        }
        WordTokens w = WordTokens.of(text);
        NameShapes shapes = new NameShapes(w, names, capsMode(text));
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < w.size()) {
            long span = shapes.match(i);
            if (span == NameShapes.NONE) {
                i++;
                continue;
            }
            int last = NameShapes.lastWord(span);
            int end = w.initialWithPeriod(last) ? w.end(last) + 1 : w.coreEnd(last);
            out.add(new Finding(PhiType.NAME, w.start(NameShapes.firstWord(span)), end, NameShapes.score(span), id()));
            i = last + 1;
        }
        return out;
    }

    /** Text written mostly in capitals (some EHR exports) is read as if capitalised. */
    private static boolean capsMode(CharSequence text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 20 && upper > 4 * lower;
    }
}
