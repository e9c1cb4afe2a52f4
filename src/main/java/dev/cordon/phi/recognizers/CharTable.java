package dev.cordon.phi.recognizers;

/**
 * Case-insensitive dictionary from words to an int, looked up by a region of a CharSequence
 * without allocating (open addressing over lower-cased keys). Built once, then read-only and
 * thread-safe.
 */
final class CharTable {

    private final String[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    CharTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    /** Adds or replaces {@code key} (stored lower-case). Only during construction. */
    void put(String key, int value) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        int i = hash(k, 0, k.length()) & mask;
        while (keys[i] != null && !keys[i].equals(k)) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            size++;
            if (size * 2 > keys.length) {
                throw new IllegalStateException("CharTable over capacity");
            }
        }
        keys[i] = k;
        values[i] = value;
    }

    /** The value of the word {@code s[start,end)}, or {@code missing}. */
    int get(CharSequence s, int start, int end, int missing) {
        return get(s, start, end, hash(s, start, end), missing);
    }

    /** As {@link #get(CharSequence, int, int, int)} with the {@link #hash} precomputed by the caller. */
    int get(CharSequence s, int start, int end, int hash, int missing) {
        int i = hash & mask;
        while (keys[i] != null) {
            if (equalsLower(keys[i], s, start, end)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return missing;
    }

    boolean contains(CharSequence s, int start, int end) {
        return get(s, start, end, Integer.MIN_VALUE) != Integer.MIN_VALUE;
    }

    int size() {
        return size;
    }

    boolean contains(CharSequence s, int start, int end, int hash) {
        return get(s, start, end, hash, Integer.MIN_VALUE) != Integer.MIN_VALUE;
    }

    /** Case-insensitive hash shared by all tables, so callers can compute it once per word. */
    static int hash(CharSequence s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return h ^ (h >>> 16);
    }

    private static boolean equalsLower(String key, CharSequence s, int start, int end) {
        if (key.length() != end - start) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lower(s.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c == '’' ? '\'' : Character.toLowerCase(c);
    }
}
