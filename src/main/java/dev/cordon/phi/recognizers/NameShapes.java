package dev.cordon.phi.recognizers;

/**
 * The name patterns tried at one word, strongest first. A match is packed in a long
 * (first word, last word, score in thousandths) to avoid allocating per word.
 * Not thread-safe; one instance per recognize call.
 */
final class NameShapes {

    static final long NONE = -1L;
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    private final WordTokens w;
    private final NameDictionary names;
    private final boolean caps;

    NameShapes(WordTokens w, NameDictionary names, boolean caps) {
        this.w = w;
        this.names = names;
        this.caps = caps;
    }

    static int firstWord(long span) {
        return (int) (span & MASK);
    }

    static int lastWord(long span) {
        return (int) ((span >>> BITS) & MASK);
    }

    static double score(long span) {
        return (span >>> (2 * BITS)) / 1000.0;
    }

    private static long pack(int first, int last, double score) {
        return ((long) Math.round(score * 1000) << (2 * BITS)) | ((long) last << BITS) | first;
    }

    long match(int i) {
        long m = titled(i);
        if (m == NONE) {
            m = named(i);
        }
        if (m == NONE) {
            m = givenName(i);
        }
        if (m == NONE) {
            m = wordWithInitial(i);
        }
        if (m == NONE) {
            m = initialAndSurname(i);
        }
        if (m == NONE) {
            m = surnameCommaGiven(i);
        }
        if (m == NONE) {
            m = cuedSurname(i);
        }
        if (m == NONE) {
            m = lowerCaseName(i);
        }
        return m;
    }

    /** "Dr. Smith", "Mrs. Foley", "Dr. John L.", "dr smith". */
    private long titled(int i) {
        if (!Vocabulary.in(Vocabulary.TITLES, w, i) || !(w.gapIs(i, ".") || w.spaced(i))) {
            return NONE;
        }
        int j = i + 1;
        boolean abbreviation = w.length(i) <= 4 && !w.text.subSequence(w.start(i), w.end(i)).toString().equalsIgnoreCase("miss");
        if (abbreviation && isInitial(j)) {
            return pack(i, extend(j, 2, true), 0.85);
        }
        if (nameCase(j) && !Vocabulary.in(Vocabulary.COMMON, w, j) && (abbreviation || inDictionary(j))) {
            return pack(i, extend(j, 2, true), 0.9);
        }
        if (w.lower(j) && abbreviation && lowerCaseDictionaryName(j)) {
            return pack(i, extend(j, 1, false), 0.7);
        }
        return NONE;
    }

    /** "named Sarah White", "patient name: John Doe". */
    private long named(int i) {
        if (!isWord(i, "named") && !(isWord(i, "name") && (w.gapIs(i, ":") || isWord(i + 1, "is")))) {
            return NONE;
        }
        int j = isWord(i + 1, "is") ? i + 2 : i + 1;
        if (j < w.size() && nameCase(j) && !Vocabulary.in(Vocabulary.COMMON, w, j)) {
            return pack(j, extend(j, 2, true), 0.85);
        }
        return NONE;
    }

    /** Given name followed by an initial, a surname, or preceded by a cue ("daughter Emma"). */
    private long givenName(int i) {
        if (!nameCase(i) || firstCount(i) < NameRecognizer.MIN_FIRST_COUNT || Vocabulary.in(Vocabulary.COMMON, w, i)) {
            return NONE;
        }
        boolean ambiguous = Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, i);
        int j = i + 1;
        if (w.spaced(i) && (isInitial(j) || (!ambiguous && bareInitial(j)))) {
            return pack(i, surnameAfterInitial(j), ambiguous ? 0.6 : 0.85);
        }
        if (w.spaced(i) && surnameLike(j) && !termAhead(j)) {
            int last = w.spaced(j) && surnameLike(j + 1) && !termAhead(j + 1) ? j + 1 : j;
            boolean eponym = Vocabulary.in(Vocabulary.EPONYMS, w, j);
            return pack(i, last, ambiguous ? 0.45 : eponym ? 0.6 : 0.8);
        }
        boolean plain = !ambiguous && !Vocabulary.in(Vocabulary.EPONYMS, w, i) && !termFollows(i) && !termFollows(i + 1);
        if (plain && cueBefore(i)) {
            return pack(i, i, 0.7);
        }
        if (plain && w.coreEnd(i) < w.end(i) && firstCount(i) >= NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT) {
            return pack(i, i, 0.6);
        }
        return NONE;
    }

    /** "Stan M." after a comma or cue: an unknown capitalised word with an initial. */
    private long wordWithInitial(int i) {
        if (!nameCase(i) || w.length(i) < 2 || !w.spaced(i) || !isInitial(i + 1)
                || Vocabulary.in(Vocabulary.COMMON, w, i) || Vocabulary.in(Vocabulary.TERM_NOUNS, w, i)) {
            return NONE;
        }
        char before = w.charBefore(i);
        boolean appositive = before == ',' || before == '(' || cueBefore(i);
        return pack(i, i + 1, appositive ? 0.6 : 0.3);
    }

    /** "J. Smith", "A. R. Patel": initials before a listed surname. */
    private long initialAndSurname(int i) {
        if (!w.initialWithPeriod(i) || !w.gapIs(i, ".")) {
            return NONE;
        }
        int j = i + 1;
        if (w.initialWithPeriod(j) && w.gapIs(j, ".")) {
            j++;
        }
        if (j >= w.size() || !w.capitalized(j) || !commonSurname(j) || termFollows(j)) {
            return NONE;
        }
        return pack(i, j, 0.75);
    }

    /** "Smith, John" as written in registration lists and headers. */
    private long surnameCommaGiven(int i) {
        if (!nameCase(i) || !w.gapIs(i, ",") || !commonSurname(i) || Vocabulary.in(Vocabulary.EPONYMS, w, i)) {
            return NONE;
        }
        int j = i + 1;
        if (!nameCase(j) || firstCount(j) < NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT
                || Vocabulary.in(Vocabulary.COMMON, w, j) || Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, j) || termFollows(j)) {
            return NONE;
        }
        int last = w.spaced(j) && isInitial(j + 1) ? j + 1 : j;
        return pack(i, last, 0.7);
    }

    private boolean commonSurname(int j) {
        int rank = names.surnameRank(w, j);
        return rank != NameDictionary.MISSING && rank <= 20_000 && !Vocabulary.in(Vocabulary.COMMON, w, j)
                && !Vocabulary.in(Vocabulary.TERM_NOUNS, w, j);
    }

    /** "pt Smith", "patient Nguyen". */
    private long cuedSurname(int i) {
        if (i == 0 || !nameCase(i) || Vocabulary.in(Vocabulary.COMMON, w, i) || Vocabulary.in(Vocabulary.EPONYMS, w, i)
                || termFollows(i) || !(isWord(i - 1, "patient") || isWord(i - 1, "pt")) || !w.spaced(i - 1)) {
            return NONE;
        }
        int rank = names.surnameRank(w, i);
        return rank != NameDictionary.MISSING && rank <= 20_000 ? pack(i, i, 0.65) : NONE;
    }

    /** Lower-case notes: "pt john smith", "daughter mary k." after a cue word. */
    private long lowerCaseName(int i) {
        if (caps || i == 0 || !w.lower(i) || !cueBefore(i) || !lowerCaseDictionaryFirst(i)) {
            return NONE;
        }
        int j = i + 1;
        if (w.spaced(i) && j < w.size() && w.length(j) == 1 && w.charAfter(j) == '.') {
            return pack(i, j, 0.7);
        }
        if (w.spaced(i) && j < w.size() && w.lower(j) && lowerCaseDictionarySurname(j) && !termFollows(j)) {
            return pack(i, j, 0.7);
        }
        return NONE;
    }

    /** Extends a name over initials and further name words; {@code anyWord} accepts unlisted surnames. */
    private int extend(int j, int max, boolean anyWord) {
        int last = j;
        for (int n = 0; n < max; n++) {
            int k = last + 1;
            boolean joined = w.spaced(last) || (w.initialWithPeriod(last) && w.gapIs(last, "."));
            if (!joined || k >= w.size()) {
                break;
            }
            if (isInitial(k) || (nameCase(k) && !Vocabulary.in(Vocabulary.COMMON, w, k)
                    && !Vocabulary.in(Vocabulary.TERM_NOUNS, w, k) && (anyWord || inDictionary(k)))) {
                last = k;
            } else {
                break;
            }
        }
        return last;
    }

    private int surnameAfterInitial(int j) {
        int k = j + 1;
        if (w.initialWithPeriod(j) && w.gapIs(j, ".") && k < w.size() && nameCase(k) && surnameLike(k)
                && w.capitalized(k) && !termFollows(k)) {
            return k;
        }
        return j;
    }

    private boolean surnameLike(int j) {
        if (j >= w.size() || !nameCase(j) || w.length(j) < 2 || Vocabulary.in(Vocabulary.COMMON, w, j)
                || Vocabulary.in(Vocabulary.TERM_NOUNS, w, j)) {
            return false;
        }
        return inDictionary(j) || isHyphenatedSurname(j);
    }

    private boolean isHyphenatedSurname(int j) {
        for (int k = w.start(j) + 1; k < w.coreEnd(j); k++) {
            if (w.text.charAt(k) == '-') {
                int rank = names.surnameRank(w.text, w.start(j), k);
                return rank != NameDictionary.MISSING && rank <= NameRecognizer.MAX_SURNAME_RANK;
            }
        }
        return false;
    }

    private boolean inDictionary(int j) {
        int rank = names.surnameRank(w, j);
        return (rank != NameDictionary.MISSING && rank <= NameRecognizer.MAX_SURNAME_RANK)
                || firstCount(j) >= NameRecognizer.MIN_FIRST_COUNT;
    }

    private boolean lowerCaseDictionaryName(int j) {
        return lowerCaseDictionarySurname(j) || lowerCaseDictionaryFirst(j);
    }

    private boolean lowerCaseDictionaryFirst(int j) {
        return !Vocabulary.in(Vocabulary.COMMON, w, j) && !Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, j)
                && firstCount(j) >= NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT;
    }

    private boolean lowerCaseDictionarySurname(int j) {
        int rank = names.surnameRank(w, j);
        return !Vocabulary.in(Vocabulary.COMMON, w, j) && !Vocabulary.in(Vocabulary.EPONYMS, w, j)
                && rank != NameDictionary.MISSING && rank <= NameRecognizer.LOWER_CASE_MAX_SURNAME_RANK;
    }

    /** Births for a given name; a hyphenated one ("Anne-Marie") counts by its first part. */
    private int firstCount(int j) {
        if (j >= w.size()) {
            return NameDictionary.MISSING;
        }
        int count = names.firstNameCount(w, j);
        if (count == NameDictionary.MISSING) {
            for (int k = w.start(j) + 2; k < w.coreEnd(j) - 1; k++) {
                if (w.text.charAt(k) == '-' && Character.isUpperCase(w.text.charAt(k + 1))) {
                    return names.firstNameCount(w.text, w.start(j), k);
                }
            }
        }
        return count;
    }

    private boolean nameCase(int j) {
        return j < w.size() && (w.capitalized(j) || (caps && w.allUpper(j) && w.length(j) >= 2));
    }

    private boolean isInitial(int j) {
        if (j >= w.size() || w.length(j) != 1 || !Character.isUpperCase(w.text.charAt(w.start(j)))) {
            return false;
        }
        char after = w.charAfter(j);
        return after == '.' || after == ',' || after == ')' || after == ';' || after == '\0';
    }

    /** "John D seen", "Paul M's case": a capital letter standing alone as an initial. */
    private boolean bareInitial(int j) {
        if (j >= w.size() || !Character.isUpperCase(w.text.charAt(w.start(j))) || w.coreEnd(j) - w.start(j) != 1) {
            return false;
        }
        if (w.end(j) - w.start(j) == 3) {
            return true;
        }
        return w.length(j) == 1 && w.spaced(j) && j + 1 < w.size() && w.lower(j + 1);
    }

    /** A medical noun within the next two words ("Rocky Mountain spotted fever"). */
    private boolean termAhead(int j) {
        return termFollows(j) || (w.spaced(j) && termFollows(j + 1));
    }

    private boolean termFollows(int j) {
        return w.spaced(j) && Vocabulary.in(Vocabulary.TERM_NOUNS, w, j + 1);
    }

    private boolean cueBefore(int i) {
        return i > 0 && Vocabulary.in(Vocabulary.NAME_CUES, w, i - 1) && (w.spaced(i - 1) || w.gapIs(i - 1, ",")
                || w.gapIs(i - 1, ":") || w.gapIs(i - 1, "."));
    }

    private boolean isWord(int i, String word) {
        return i < w.size() && w.length(i) == word.length() && TextScan.regionMatches(w.text, w.start(i), word);
    }
}
