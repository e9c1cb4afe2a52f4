package dev.cordon.phi.recognizers;

/**
 * Where a pattern's match can begin, so the regex engine is only started at a few candidate
 * offsets (anchored {@code lookingAt}) instead of at every character ({@code find}). Java's regex
 * costs tens of nanoseconds per failed start position when a pattern begins with a lookbehind or a
 * long case-insensitive alternation; candidates make that cost proportional to words, not chars.
 * Immutable and thread-safe.
 *
 * @param kind      which candidate list to use
 * @param triggers  word candidates must be one of these lower-case words (null = any word)
 * @param upper     word candidates must start with an upper-case letter
 * @param ahead     with triggers: the trigger may also be up to this many words after the candidate
 *                  ("Elm Street": start at "Elm", trigger "street")
 * @param bit       this list's bit in {@link TriggerRegistry}, or -1
 * @param digits    shape a digit candidate must have
 */
record Starts(Kind kind, CharTable triggers, boolean upper, int ahead, int bit, DigitShape digits) {

    /**
     * Which digit candidates are worth an attempt: a digit run of {@code minRun..maxRun} digits
     * followed by one of {@code next} (null = anything), or one of the leading {@code symbols}.
     */
    record DigitShape(int minRun, int maxRun, String next, String symbols) {
        static final DigitShape ANY = new DigitShape(1, Integer.MAX_VALUE, null, "(+#");

        boolean accepts(int run, char after) {
            if (run == 0) {
                return symbols.indexOf(after) >= 0;
            }
            return run >= minRun && run <= maxRun && (next == null || next.indexOf(after) >= 0);
        }
    }


    enum Kind {
        /** Digits and "(+#" not preceded by a letter or digit. */
        DIGIT,
        /** Words (letter runs) not preceded by a letter or digit. */
        WORD,
        /** Both of the above. */
        ALNUM,
        /** Start of the local part before each '@'. */
        AT,
        /** Alphanumeric runs directly followed by '.' and another alphanumeric (host names). */
        DOTTED,
        /** Runs of up to four hex digits directly followed by ':' (IPv6). */
        HEX_COLON,
        /** Every offset (plain {@code find}). */
        ANY
    }

    static Starts digit() {
        return new Starts(Kind.DIGIT, null, false, 0, -1, DigitShape.ANY);
    }

    /** Digit runs of {@code min..max} digits followed by one of {@code next} (null = any). */
    static Starts digits(int min, int max, String next) {
        return new Starts(Kind.DIGIT, null, false, 0, -1, new DigitShape(min, max, next, ""));
    }

    /** Only at one of the leading symbols, such as "(" or "+". */
    static Starts symbols(String symbols) {
        return new Starts(Kind.DIGIT, null, false, 0, -1, new DigitShape(Integer.MAX_VALUE, 0, null, symbols));
    }

    /** This starts object restricted to digit candidates of the given shape. */
    Starts withDigits(int min, int max, String next, String symbols) {
        return new Starts(kind, triggers, upper, ahead, bit, new DigitShape(min, max, next, symbols));
    }

    static Starts word() {
        return new Starts(Kind.WORD, null, false, 0, -1, DigitShape.ANY);
    }

    static Starts upperWord() {
        return new Starts(Kind.WORD, null, true, 0, -1, DigitShape.ANY);
    }

    static Starts alnum() {
        return new Starts(Kind.ALNUM, null, false, 0, -1, DigitShape.ANY);
    }

    static Starts upperAlnum() {
        return new Starts(Kind.ALNUM, null, true, 0, -1, DigitShape.ANY);
    }

    static Starts of(Kind kind) {
        return new Starts(kind, null, false, 0, -1, DigitShape.ANY);
    }

    /** Digits, or words from the list. */
    static Starts digitOrWords(String words) {
        return triggered(Kind.ALNUM, words, false, 0);
    }

    /** Words from a space-separated list, or the first letter run of each {@code |} alternative. */
    static Starts words(String wordsOrAlternatives) {
        return triggered(Kind.WORD, wordsOrAlternatives, false, 0);
    }

    /** Capitalised words that have one of {@code words} at most {@code ahead} words later. */
    static Starts upperWordsBefore(String words, int ahead) {
        return triggered(Kind.WORD, words, true, ahead);
    }

    private static Starts triggered(Kind kind, String wordsOrAlternatives, boolean upper, int ahead) {
        java.util.List<String> words = firstWords(wordsOrAlternatives);
        CharTable table = new CharTable(words.size());
        words.forEach(w -> table.put(w, 1));
        return new Starts(kind, table, upper, ahead, TriggerRegistry.register(words), DigitShape.ANY);
    }

    private static java.util.List<String> firstWords(String wordsOrAlternatives) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : wordsOrAlternatives.split("[|\\s]+")) {
            int e = 0;
            while (e < p.length() && Character.isLetter(p.charAt(e))) {
                e++;
            }
            if (e > 0) {
                out.add(p.substring(0, e));
            }
        }
        return out;
    }
}
