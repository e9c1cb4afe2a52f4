package dev.cordon.phi.recognizers;

/** Small allocation-free helpers over CharSequence. Stateless and thread-safe. */
final class TextScan {

    private TextScan() {
    }

    static boolean hasDigit(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean contains(CharSequence s, char c) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** True when a case-insensitive {@code word} ends within {@code before} chars before {@code pos}. */
    static boolean wordBefore(CharSequence s, int pos, int before, String word) {
        int from = Math.max(0, pos - before);
        int n = word.length();
        for (int i = pos - n; i >= from; i--) {
            if (regionMatches(s, i, word) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))
                    && (i + n >= s.length() || !Character.isLetter(s.charAt(i + n)))) {
                return true;
            }
        }
        return false;
    }

    static boolean regionMatches(CharSequence s, int at, String word) {
        if (at < 0 || at + word.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(s.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The lower-cased next word after {@code pos} (skipping spaces), or "" when none. */
    static String nextWord(CharSequence s, int pos) {
        int i = pos;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '-')) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j)) && j - i < 20) {
            j++;
        }
        return s.subSequence(i, j).toString().toLowerCase(java.util.Locale.ROOT);
    }
}
