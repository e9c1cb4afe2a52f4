package dev.cordon.audit.chain;

import java.util.Objects;

/**
 * The position of a chain: the seq and hash of its last record. Used to resume a chain after a
 * restart and as an external anchor that lets the verifier detect a truncated tail.
 * {@link #GENESIS} (seq 0, 64 zeros) is the head of an empty chain; the first record has seq 1.
 * Immutable and thread-safe.
 *
 * @param lastSeq  seq of the last record, 0 for an empty chain
 * @param lastHash hex SHA-256 of the last record's stored line; never null
 */
public record ChainHead(long lastSeq, String lastHash) {

    /** Hash that stands in for "no previous record" and "no previous segment". */
    public static final String ZERO_HASH = "0".repeat(64);
    public static final ChainHead GENESIS = new ChainHead(0, ZERO_HASH);

    public ChainHead {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative");
        }
        if (!Hashing.isHexSha256(Objects.requireNonNull(lastHash, "lastHash"))) {
            throw new IllegalArgumentException("lastHash must be 64 lower-case hex digits");
        }
    }
}
