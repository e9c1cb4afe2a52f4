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
    private final NameWords n;

    NameShapes(WordTokens w, NameDictionary names, boolean caps) {
        this.n = new NameWords(w, names, caps);
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
        if (abbreviation && n.isInitial(j)) {
            return pack(i, extend(j, 2, true), 0.85);
        }
        if (n.nameCase(j) && !Vocabulary.commonOrDrug(w, j) && (abbreviation || n.inDictionary(j))) {
            return pack(i, extend(j, 2, true), 0.9);
        }
        if (w.lower(j) && abbreviation && n.lowerCaseDictionaryName(j)) {
            return pack(i, extend(j, 1, false), 0.7);
        }
        return NONE;
    }

    /** "named Sarah White", "patient name: John Doe". */
    private long named(int i) {
        if (!n.isWord(i, "named") && !(n.isWord(i, "name") && (w.gapIs(i, ":") || n.isWord(i + 1, "is")))) {
            return NONE;
        }
        int j = n.isWord(i + 1, "is") ? i + 2 : i + 1;
        if (j < w.size() && n.nameCaseOrUpper(j) && !Vocabulary.commonOrDrug(w, j)) {
            return pack(j, extend(j, 2, true), 0.85);
        }
        return NONE;
    }

    /** Given name followed by an initial, a surname, or preceded by a cue ("daughter Emma"). */
    private long givenName(int i) {
        if (!n.nameCase(i) || n.firstCount(i) < NameRecognizer.MIN_FIRST_COUNT || Vocabulary.commonOrDrug(w, i)) {
            return NONE;
        }
        boolean ambiguous = Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, i);
        int j = i + 1;
        if (w.spaced(i) && (n.isInitial(j) || (!ambiguous && n.bareInitial(j)))) {
            return pack(i, surnameAfterInitial(j), ambiguous ? 0.6 : 0.85);
        }
        if (nickname(i) && n.surnameLike(i + 2) && !n.termAhead(i + 2)) {
            return pack(i, i + 2, 0.8);
        }
        if (w.spaced(i) && n.surnameLike(j) && !n.termAhead(j)) {
            int last = w.spaced(j) && n.surnameLike(j + 1) && !n.termAhead(j + 1) ? j + 1 : j;
            boolean eponym = Vocabulary.in(Vocabulary.EPONYMS, w, j);
            return pack(i, last, ambiguous ? 0.45 : eponym ? 0.6 : 0.8);
        }
        if (!ambiguous && w.spaced(i) && unlistedSurname(j) && !n.termFollows(j)) {
            // The 1990 surname list misses many families (Okonkwo, Nakamura-Reyes): a well-attested,
            // unambiguous given name followed by a capitalised non-vocabulary word is a full name.
            return pack(i, j, 0.65);
        }
        boolean plain = !ambiguous && !Vocabulary.in(Vocabulary.EPONYMS, w, i) && !n.termFollows(i) && !n.termFollows(i + 1);
        if (plain && n.cueBefore(i)) {
            return pack(i, i, 0.7);
        }
        if (plain && w.coreEnd(i) < w.end(i) && n.firstCount(i) >= NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT) {
            return pack(i, i, 0.6);
        }
        return NONE;
    }

    /** "Anthony 'Tony' Russo": a quoted or bracketed nickname between given name and surname. */
    private boolean unlistedSurname(int j) {
        if (j >= w.size() || !w.capitalized(j) || w.length(j) < 3 || Vocabulary.commonOrDrug(w, j)
                || Vocabulary.in(Vocabulary.TERM_NOUNS, w, j) || Vocabulary.in(Vocabulary.EPONYMS, w, j)
                || Vocabulary.in(Vocabulary.PLACE_WORDS, w, j)) {
            return false;
        }
        for (int k = w.start(j) + 1; k < w.coreEnd(j); k++) {
            char c = w.text.charAt(k);
            char before = w.text.charAt(k - 1);
            // Capitals only where surnames have them: O'Callaghan, Nakamura-Reyes, McAllister.
            boolean capitalAllowed = before == '-' || before == '\'' || (k - w.start(j) == 2 && w.text.charAt(w.start(j)) == 'M' && before == 'c');
            if (!Character.isLowerCase(c) && c != '-' && c != '\'' && !(capitalAllowed && Character.isUpperCase(c))) {
                return false;
            }
        }
        return true;
    }

    private boolean nickname(int i) {
        if (i + 2 >= w.size() || !n.nameCase(i + 1)) {
            return false;
        }
        for (String[] q : QUOTES) {
            if (w.gapExactly(i, " " + q[0]) && w.gapExactly(i + 1, q[1] + " ")) {
                return true;
            }
        }
        return false;
    }

    private static final String[][] QUOTES = {{"'", "'"}, {"\"", "\""}, {"“", "”"}, {"‘", "’"}, {"(", ")"}};

    /** "Stan M." after a comma or cue: an unknown capitalised word with an initial. */
    private long wordWithInitial(int i) {
        if (!n.nameCase(i) || w.length(i) < 2 || !w.spaced(i) || !n.isInitial(i + 1)
                || Vocabulary.commonOrDrug(w, i) || Vocabulary.in(Vocabulary.TERM_NOUNS, w, i)) {
            return NONE;
        }
        char before = w.charBefore(i);
        boolean appositive = before == ',' || before == '(' || n.cueBefore(i);
        return pack(i, i + 1, appositive ? 0.6 : 0.3);
    }

    /** "J. Smith", "A. R. Patel": initials before a listed surname. */
    private long initialAndSurname(int i) {
        if (w.length(i) == 1 && w.lower(i) && w.charAfter(i) == '.' && w.gapIs(i, ".") && n.cueBefore(i)
                && n.lowerCaseDictionarySurname(i + 1)) {
            return pack(i, i + 1, 0.7); // "pt: h. nguyen"
        }
        if (!w.initialWithPeriod(i) || !w.gapIs(i, ".")) {
            return NONE;
        }
        int j = i + 1;
        if (w.initialWithPeriod(j) && w.gapIs(j, ".")) {
            j++;
        }
        if (j >= w.size() || !w.capitalized(j) || !n.commonSurname(j) || n.termFollows(j)) {
            return NONE;
        }
        return pack(i, j, 0.75);
    }

    /** "Smith, John" as written in registration lists and headers. */
    private long surnameCommaGiven(int i) {
        if (!n.nameCaseOrUpper(i) || !w.gapIs(i, ",") || !n.commonSurname(i) || Vocabulary.in(Vocabulary.EPONYMS, w, i)) {
            return NONE;
        }
        int j = i + 1;
        if (!n.nameCaseOrUpper(j) || n.firstCount(j) < NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT
                || Vocabulary.commonOrDrug(w, j) || Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, j) || n.termFollows(j)) {
            return NONE;
        }
        int last = w.spaced(j) && n.isInitial(j + 1) ? j + 1 : j;
        return pack(i, last, 0.7);
    }

    /** "pt Smith", "patient Nguyen". */
    private long cuedSurname(int i) {
        if (i == 0 || !n.nameCase(i) || Vocabulary.commonOrDrug(w, i) || Vocabulary.in(Vocabulary.EPONYMS, w, i)
                || n.termFollows(i) || !(n.isWord(i - 1, "patient") || n.isWord(i - 1, "pt")) || !w.spaced(i - 1)) {
            return NONE;
        }
        int rank = names.surnameRank(w, i);
        return rank != NameDictionary.MISSING && rank <= 20_000 ? pack(i, extend(i, 1, false), 0.65) : NONE;
    }

    /** Lower-case notes: "pt john smith", "daughter mary k." after a cue word. */
    private long lowerCaseName(int i) {
        if (caps || i == 0 || !w.lower(i) || !n.cueBefore(i) || !n.lowerCaseDictionaryFirst(i)) {
            return NONE;
        }
        int j = i + 1;
        if (w.spaced(i) && j < w.size() && w.length(j) == 1 && w.charAfter(j) == '.') {
            return pack(i, j, 0.7);
        }
        if (w.spaced(i) && j < w.size() && w.lower(j) && n.lowerCaseDictionarySurname(j) && !n.termFollows(j)) {
            return pack(i, j, 0.7);
        }
        return NONE;
    }

    /** Extends a name over initials and further name words; {@code anyWord} accepts unlisted surnames. */
    private int extend(int j, int max, boolean anyWord) {
        boolean upper = w.allUpper(j) && w.length(j) >= 2;
        int last = j;
        for (int step = 0; step < max; step++) {
            int k = last + 1;
            boolean joined = w.spaced(last) || (w.initialWithPeriod(last) && w.gapIs(last, "."));
            if (!joined || k >= w.size()) {
                break;
            }
            boolean shaped = upper ? n.nameCaseOrUpper(k) : n.nameCase(k);
            if (n.isInitial(k) || (shaped && !Vocabulary.commonOrDrug(w, k)
                    && !Vocabulary.in(Vocabulary.TERM_NOUNS, w, k) && (anyWord || n.inDictionary(k)))) {
                last = k;
            } else {
                break;
            }
        }
        return last;
    }

    private int surnameAfterInitial(int j) {
        int k = j + 1;
        if (w.initialWithPeriod(j) && w.gapIs(j, ".") && k < w.size() && n.nameCase(k) && n.surnameLike(k)
                && w.capitalized(k) && !n.termFollows(k)) {
            return k;
        }
        return j;
    }

}
