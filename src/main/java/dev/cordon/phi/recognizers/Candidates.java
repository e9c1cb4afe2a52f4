package dev.cordon.phi.recognizers;

import java.util.Arrays;

/**
 * Candidate start offsets of one text, computed once per recognize call and shared by that
 * recognizer's patterns. Not thread-safe; one instance per call.
 */
final class Candidates {

    private final CharSequence text;
    private int[] digits;
    /** Per digit candidate: length of its digit run (0 for a symbol) and the char after it. */
    private int[] runs;
    private char[] afters;
    private int[] words;
    private int[] wordEnds;
    private int[] wordHashes;
    private int[] wordBits;
    private TriggerRegistry.Snapshot triggers;

    /**
     * The analyzer hands the same window object to every recognizer in turn; caching the last
     * one per thread lets them share one scan. Identity comparison is safe because the analyzer
     * passes immutable Strings.
     */
    private static final ThreadLocal<Candidates> LAST = new ThreadLocal<>();

    private Candidates(CharSequence text) {
        this.text = text;
    }

    static void clear() {
        LAST.remove();
    }

    static Candidates of(CharSequence text) {
        Candidates last = LAST.get();
        if (last != null && last.text == text && text instanceof String) {
            return last;
        }
        Candidates fresh = new Candidates(text);
        LAST.set(fresh);
        return fresh;
    }

    int[] digits() {
        if (digits == null) {
            scan();
        }
        return digits;
    }

    int run(int index) {
        return runs[index];
    }

    char after(int index) {
        return afters[index];
    }

    int[] words() {
        if (words == null) {
            scan();
        }
        return words;
    }

    private final int[][] specials = new int[Starts.Kind.values().length][];

    /** Offsets for the special kinds ({@link Starts.Kind#AT}, DOTTED, HEX_COLON), computed once. */
    int[] special(Starts.Kind kind) {
        int[] cached = specials[kind.ordinal()];
        if (cached == null) {
            cached = computeSpecial(kind);
            specials[kind.ordinal()] = cached;
        }
        return cached;
    }

    private int[] computeSpecial(Starts.Kind kind) {
        int[] out = new int[16];
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            int at = switch (kind) {
                case AT -> text.charAt(i) == '@' ? localPartStart(i) : -1;
                case DOTTED -> text.charAt(i) == '.' ? runStart(i, false) : -1;
                case HEX_COLON -> text.charAt(i) == ':' ? runStart(i, true) : -1;
                default -> throw new IllegalArgumentException(kind.name());
            };
            if (at >= 0 && at < i && (n == 0 || out[n - 1] < at)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = at;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private int localPartStart(int at) {
        int s = at;
        while (s > 0 && at - s < 64 && isLocal(text.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** Start of the alphanumeric (or hex, at most 4) run ending right before offset {@code i}. */
    private int runStart(int i, boolean hex) {
        int s = i;
        while (s > 0 && i - s < (hex ? 4 : 63)) {
            char c = text.charAt(s - 1);
            boolean ok = hex ? Character.digit(c, 16) >= 0 : Character.isLetterOrDigit(c) || c == '-';
            if (!ok) {
                break;
            }
            s--;
        }
        return s == i && !hex ? -1 : s;
    }

    private final int[][] byBit = new int[TriggerRegistry.MAX_BITS * 4][];
    private int[] upperWords;

    /**
     * Indexes of words that have {@code bit} themselves or within the next {@code ahead} words;
     * valid only while {@link #triggersCurrent()} holds. Cached per (bit, ahead).
     */
    int[] wordsWithBit(int bit, int ahead) {
        int key = bit * 4 + Math.min(ahead, 3);
        if (byBit[key] == null) {
            int mask = 1 << bit;
            int[] out = new int[8];
            int n = 0;
            for (int k = 0; k < wordBits.length; k++) {
                for (int j = k; j <= Math.min(wordBits.length - 1, k + ahead); j++) {
                    if ((wordBits[j] & mask) != 0) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = k;
                        break;
                    }
                }
            }
            byBit[key] = Arrays.copyOf(out, n);
        }
        return byBit[key];
    }

    /** Indexes of words starting with an upper-case letter. */
    int[] upperWords() {
        if (upperWords == null) {
            int[] w = words();
            int[] out = new int[w.length];
            int n = 0;
            for (int k = 0; k < w.length; k++) {
                if (Character.isUpperCase(text.charAt(w[k]))) {
                    out[n++] = k;
                }
            }
            upperWords = Arrays.copyOf(out, n);
        }
        return upperWords;
    }

    /** Trigger bits of a word, valid only while {@link #triggersCurrent()} holds. */
    int wordBits(int index) {
        return wordBits[index];
    }

    boolean triggersCurrent() {
        return triggers == TriggerRegistry.current();
    }

    int wordHash(int index) {
        return wordHashes[index];
    }

    /** End of the letter run starting at words()[index]. */
    int wordEnd(int index) {
        return wordEnds[index];
    }

    private void scan() {
        int[] d = new int[32];
        int[] w = new int[64];
        int[] we = new int[64];
        int nd = 0;
        int nw = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean boundary = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (!boundary) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '(' || c == '+' || c == '#') {
                if (nd == d.length) {
                    d = Arrays.copyOf(d, nd * 2);
                }
                d[nd++] = i;
            } else if (Character.isLetter(c)) {
                int e = i + 1;
                while (e < n && Character.isLetter(text.charAt(e))) {
                    e++;
                }
                if (nw == w.length) {
                    w = Arrays.copyOf(w, nw * 2);
                    we = Arrays.copyOf(we, nw * 2);
                }
                w[nw] = i;
                we[nw++] = e;
            }
        }
        digits = Arrays.copyOf(d, nd);
        runs = new int[nd];
        afters = new char[nd];
        for (int k = 0; k < nd; k++) {
            int e = digits[k];
            while (e < n && text.charAt(e) >= '0' && text.charAt(e) <= '9') {
                e++;
            }
            runs[k] = e - digits[k];
            afters[k] = runs[k] == 0 ? text.charAt(digits[k]) : e < n ? text.charAt(e) : '\0';
        }
        words = Arrays.copyOf(w, nw);
        wordEnds = Arrays.copyOf(we, nw);
        wordHashes = new int[nw];
        wordBits = new int[nw];
        triggers = TriggerRegistry.current();
        for (int k = 0; k < nw; k++) {
            wordHashes[k] = CharTable.hash(text, words[k], wordEnds[k]);
            wordBits[k] = triggers.table().get(text, words[k], wordEnds[k], wordHashes[k], 0);
        }
    }
}
