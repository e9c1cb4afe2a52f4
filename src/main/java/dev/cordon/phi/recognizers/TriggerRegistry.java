package dev.cordon.phi.recognizers;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each trigger-word list of a {@link Starts} one bit, so a window's words are looked up
 * once (one hash probe per word) instead of once per pattern. Lists are registered while
 * recognizers are constructed; a registration publishes a new immutable snapshot, and a scan made
 * against an older snapshot falls back to direct lookups (never to a miss). Thread-safe.
 */
final class TriggerRegistry {

    /** Bits available in a snapshot value; further lists are looked up directly. */
    static final int MAX_BITS = 31;

    /** An immutable word-to-bits table with its version. */
    record Snapshot(CharTable table, int version) {
    }

    private static final Map<String, Integer> BITS_BY_WORD = new HashMap<>();
    private static int nextBit;
    private static volatile Snapshot current = new Snapshot(new CharTable(1), 0);

    private TriggerRegistry() {
    }

    static Snapshot current() {
        return current;
    }

    /** Registers the words of one list; returns its bit, or -1 when all bits are taken. */
    static synchronized int register(Iterable<String> words) {
        if (nextBit >= MAX_BITS) {
            return -1;
        }
        int bit = nextBit++;
        for (String w : words) {
            BITS_BY_WORD.merge(w.toLowerCase(java.util.Locale.ROOT), 1 << bit, (a, b) -> a | b);
        }
        CharTable table = new CharTable(BITS_BY_WORD.size());
        BITS_BY_WORD.forEach(table::put);
        current = new Snapshot(table, current.version() + 1);
        return bit;
    }
}
