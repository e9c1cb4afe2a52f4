package dev.cordon.phi.recognizers;

/**
 * Word-level tests used by {@link NameShapes}: capitalisation, initials, dictionary membership
 * (given names by births, surnames by census rank), cue words and medical nouns nearby.
 * Not thread-safe; one instance per recognize call.
 */
final class NameWords {

    private final WordTokens w;
    private final NameDictionary names;
    private final boolean caps;

    NameWords(WordTokens w, NameDictionary names, boolean caps) {
        this.w = w;
        this.names = names;
        this.caps = caps;
    }

    boolean commonSurname(int j) {
        int rank = names.surnameRank(w, j);
        return rank != NameDictionary.MISSING && rank <= 20_000 && !Vocabulary.commonOrDrug(w, j)
                && !Vocabulary.in(Vocabulary.TERM_NOUNS, w, j);
    }

    boolean surnameLike(int j) {
        if (j >= w.size() || !nameCase(j) || w.length(j) < 2 || Vocabulary.commonOrDrug(w, j)
                || Vocabulary.in(Vocabulary.TERM_NOUNS, w, j)) {
            return false;
        }
        return inDictionary(j) || isHyphenatedSurname(j);
    }

    boolean isHyphenatedSurname(int j) {
        for (int k = w.start(j) + 1; k < w.coreEnd(j); k++) {
            if (w.text.charAt(k) == '-') {
                int rank = names.surnameRank(w.text, w.start(j), k);
                return rank != NameDictionary.MISSING && rank <= NameRecognizer.MAX_SURNAME_RANK;
            }
        }
        return false;
    }

    boolean inDictionary(int j) {
        int rank = names.surnameRank(w, j);
        return (rank != NameDictionary.MISSING && rank <= NameRecognizer.MAX_SURNAME_RANK)
                || firstCount(j) >= NameRecognizer.MIN_FIRST_COUNT;
    }

    boolean lowerCaseDictionaryName(int j) {
        return lowerCaseDictionarySurname(j) || lowerCaseDictionaryFirst(j);
    }

    boolean lowerCaseDictionaryFirst(int j) {
        return !Vocabulary.commonOrDrug(w, j) && !Vocabulary.in(Vocabulary.AMBIGUOUS_FIRST, w, j)
                && firstCount(j) >= NameRecognizer.LOWER_CASE_MIN_FIRST_COUNT;
    }

    boolean lowerCaseDictionarySurname(int j) {
        int rank = names.surnameRank(w, j);
        return !Vocabulary.commonOrDrug(w, j) && !Vocabulary.in(Vocabulary.EPONYMS, w, j)
                && rank != NameDictionary.MISSING && rank <= NameRecognizer.LOWER_CASE_MAX_SURNAME_RANK;
    }

    /** Births for a given name; a hyphenated one ("Anne-Marie") counts by its first part. */
    int firstCount(int j) {
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

    /** Capitalised, or an all-capitals word that is not common vocabulary ("DOE, JOHN" in a header). */
    boolean nameCaseOrUpper(int j) {
        return nameCase(j) || (j < w.size() && w.allUpper(j) && w.length(j) >= 2 && !Vocabulary.commonOrDrug(w, j));
    }

    boolean nameCase(int j) {
        return j < w.size() && (w.capitalized(j) || (caps && w.allUpper(j) && w.length(j) >= 2));
    }

    boolean isInitial(int j) {
        if (j >= w.size() || w.length(j) != 1 || !Character.isUpperCase(w.text.charAt(w.start(j)))) {
            return false;
        }
        char after = w.charAfter(j);
        return after == '.' || after == ',' || after == ')' || after == ';' || after == '\0';
    }

    /** "John D seen", "Paul M's case": a capital letter standing alone as an initial. */
    boolean bareInitial(int j) {
        if (j >= w.size() || !Character.isUpperCase(w.text.charAt(w.start(j))) || w.coreEnd(j) - w.start(j) != 1) {
            return false;
        }
        if (w.end(j) - w.start(j) == 3) {
            return true;
        }
        return w.length(j) == 1 && w.spaced(j) && j + 1 < w.size() && w.lower(j + 1);
    }

    /** A medical noun within the next two words ("Rocky Mountain spotted fever"). */
    boolean termAhead(int j) {
        return termFollows(j) || (w.spaced(j) && termFollows(j + 1));
    }

    boolean termFollows(int j) {
        return w.spaced(j) && Vocabulary.in(Vocabulary.TERM_NOUNS, w, j + 1);
    }

    boolean cueBefore(int i) {
        return i > 0 && Vocabulary.in(Vocabulary.NAME_CUES, w, i - 1) && (w.spaced(i - 1) || w.gapIs(i - 1, ",")
                || w.gapIs(i - 1, ":") || w.gapIs(i - 1, ".") || w.gapExactly(i - 1, " ("));
    }

    boolean isWord(int i, String word) {
        return i < w.size() && w.length(i) == word.length() && TextScan.regionMatches(w.text, w.start(i), word);
    }
}
