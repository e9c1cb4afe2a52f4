package dev.cordon.phi.recognizers;

import java.util.Arrays;

/**
 * The words of a text as offset pairs: runs of letters with inner apostrophes or hyphens
 * ("O'Brien", "Cedars-Sinai", "Smith's"). No substrings are created. Not thread-safe; one per call.
 */
final class WordTokens {

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    final CharSequence text;

    private static final ThreadLocal<WordTokens> LAST = new ThreadLocal<>();

    /** Shares one tokenization among the word-based recognizers for the same (immutable) window. */
    static void clear() {
        LAST.remove();
    }

    static WordTokens of(CharSequence text) {
        WordTokens last = LAST.get();
        if (last != null && last.text == text && text instanceof String) {
            return last;
        }
        WordTokens fresh = new WordTokens(text);
        LAST.set(fresh);
        return fresh;
    }

    WordTokens(CharSequence text) {
        this.text = text;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (Character.isLetter(text.charAt(j))
                    || (isJoiner(text.charAt(j)) && j + 1 < n && Character.isLetter(text.charAt(j + 1))))) {
                j++;
            }
            add(i, j);
            i = j;
        }
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-';
    }

    private void add(int s, int e) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = s;
        ends[size++] = e;
    }

    private int[] coreHashes;
    private int[] fullHashes;

    /** Case-insensitive hash of the word without its possessive (computed once per word). */
    int coreHash(int i) {
        if (coreHashes == null) {
            hashAll();
        }
        return coreHashes[i];
    }

    int fullHash(int i) {
        if (fullHashes == null) {
            hashAll();
        }
        return fullHashes[i];
    }

    private void hashAll() {
        int[] core = new int[size];
        int[] full = new int[size];
        for (int i = 0; i < size; i++) {
            core[i] = CharTable.hash(text, starts[i], coreEnd(i));
            full[i] = coreEnd(i) == ends[i] ? core[i] : CharTable.hash(text, starts[i], ends[i]);
        }
        coreHashes = core;
        fullHashes = full;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** End without a possessive "'s" / "’s". */
    int coreEnd(int i) {
        int e = ends[i];
        if (e - starts[i] >= 3 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S') && isApostrophe(text.charAt(e - 2))) {
            return e - 2;
        }
        return e;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    boolean capitalized(int i) {
        char c = text.charAt(starts[i]);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        for (int k = starts[i] + 1; k < ends[i]; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        return length(i) == 1;
    }

    boolean allUpper(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    boolean lower(int i) {
        return Character.isLowerCase(text.charAt(starts[i]));
    }

    /** Only spaces (1 to 2) lie between word i and word i+1. */
    boolean spaced(int i) {
        return gapIs(i, "");
    }

    /** The gap between words i and i+1 is {@code punct} followed by one or two spaces (or "" gap). */
    boolean gapIs(int i, String punct) {
        if (i + 1 >= size) {
            return false;
        }
        int from = ends[i];
        int to = starts[i + 1];
        if (to - from < punct.length()) {
            return false;
        }
        for (int k = 0; k < punct.length(); k++) {
            if (text.charAt(from + k) != punct.charAt(k)) {
                return false;
            }
        }
        int spaces = to - from - punct.length();
        for (int k = from + punct.length(); k < to; k++) {
            if (text.charAt(k) != ' ') {
                return false;
            }
        }
        return spaces >= 1 && spaces <= 2;
    }

    /** The text between word i and word i+1 is exactly {@code gap}. */
    boolean gapExactly(int i, String gap) {
        if (i + 1 >= size || starts[i + 1] - ends[i] != gap.length()) {
            return false;
        }
        for (int k = 0; k < gap.length(); k++) {
            if (text.charAt(ends[i] + k) != gap.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Word i is a single upper-case letter followed by a period ("L."). */
    boolean initialWithPeriod(int i) {
        return length(i) == 1 && Character.isUpperCase(text.charAt(starts[i]))
                && ends[i] < text.length() && text.charAt(ends[i]) == '.';
    }

    char charAfter(int i) {
        return ends[i] < text.length() ? text.charAt(ends[i]) : '\0';
    }

    char charBefore(int i) {
        int k = starts[i] - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 ? text.charAt(k) : '\0';
    }
}
