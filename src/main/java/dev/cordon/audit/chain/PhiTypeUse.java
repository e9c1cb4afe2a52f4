package dev.cordon.audit.chain;

/**
 * How often one PHI entity type was found in a request and what was done about it. Holds counts
 * only — never the values found. Immutable and thread-safe.
 *
 * @param count  occurrences, never negative
 * @param action what the PHI stage did, e.g. {@code "redact"} or {@code "block"}; nullable when unknown
 */
public record PhiTypeUse(int count, String action) {

    public PhiTypeUse {
        if (count < 0) {
            throw new IllegalArgumentException("PHI type count must not be negative");
        }
    }
}
