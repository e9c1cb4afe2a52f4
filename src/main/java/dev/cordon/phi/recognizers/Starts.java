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
 */
record Starts(Kind kind, CharTable triggers, boolean upper, int ahead) {

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
        return new Starts(Kind.DIGIT, null, false, 0);
    }

    static Starts word() {
        return new Starts(Kind.WORD, null, false, 0);
    }

    static Starts upperWord() {
        return new Starts(Kind.WORD, null, true, 0);
    }

    static Starts alnum() {
        return new Starts(Kind.ALNUM, null, false, 0);
    }

    static Starts upperAlnum() {
        return new Starts(Kind.ALNUM, null, true, 0);
    }

    static Starts of(Kind kind) {
        return new Starts(kind, null, false, 0);
    }

    /** Digits, or words from the list. */
    static Starts digitOrWords(String words) {
        return new Starts(Kind.ALNUM, table(words), false, 0);
    }

    /** Words from a space-separated list, or the first letter run of each {@code |} alternative. */
    static Starts words(String wordsOrAlternatives) {
        return new Starts(Kind.WORD, table(wordsOrAlternatives), false, 0);
    }

    /** Capitalised words that have one of {@code words} at most {@code ahead} words later. */
    static Starts upperWordsBefore(String words, int ahead) {
        return new Starts(Kind.WORD, table(words), true, ahead);
    }

    private static CharTable table(String wordsOrAlternatives) {
        String[] parts = wordsOrAlternatives.split("[|\\s]+");
        CharTable table = new CharTable(parts.length);
        for (String p : parts) {
            int e = 0;
            while (e < p.length() && Character.isLetter(p.charAt(e))) {
                e++;
            }
            if (e > 0) {
                table.put(p.substring(0, e), 1);
            }
        }
        return table;
    }
}
