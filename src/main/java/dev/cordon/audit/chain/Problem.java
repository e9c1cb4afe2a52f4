package dev.cordon.audit.chain;

import java.util.Objects;

/**
 * The first point at which a trail fails verification. Immutable; the detail names seqs, keys and
 * fields, never record values, so it is safe to log and to show an auditor.
 *
 * @param segmentKey object key of the segment where the break was found; never null
 * @param seq        seq of the offending record, or -1 when the problem is not about one record
 */
public record Problem(Kind kind, String segmentKey, long seq, String detail) {

    /** What broke, in the order the verifier checks. */
    public enum Kind {
        /** Not gzip, no seal, or a sealed line that is not a well-formed record. */
        UNDECODABLE,
        /** The seal's HMAC does not verify: the seal was edited or signed with another secret. */
        BAD_SEAL_SIGNATURE,
        /** A seal or record names a key id the keyring does not hold. */
        UNKNOWN_KEY,
        /** The record lines do not hash to the seal's records_hash: records edited, removed, added or reordered. */
        CONTENT_MISMATCH,
        /** A record's HMAC does not verify although its segment's seal does. */
        BAD_RECORD_SIGNATURE,
        /** A record's prev_hash is not the hash of the record before it, or does not match the anchor. */
        CHAIN_BREAK,
        /** A seq is missing or out of order although the hashes link. */
        SEQ_GAP,
        /** The seal's first_seq, last_seq or count disagree with the records it seals. */
        SEAL_MISMATCH,
        /** prev_segment_hash is not the previous segment's hash: a segment was deleted, replaced or reordered. */
        SEGMENT_CHAIN_BREAK,
        /** The object key's seq range or chain id disagrees with the seal. */
        KEY_NAME_MISMATCH,
        /** The trail ends before the external anchor's seq. */
        TRUNCATED_TAIL
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(segmentKey, "segmentKey");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + " at " + segmentKey + (seq >= 0 ? " seq " + seq : "") + ": " + detail;
    }
}
