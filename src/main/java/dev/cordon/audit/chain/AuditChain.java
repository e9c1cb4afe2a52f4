package dev.cordon.audit.chain;

import java.util.Objects;

/**
 * Appends events to one hash chain: each record carries the next seq and the hash of the record
 * before it, and is signed with the keyring's current key.
 *
 * <p>Not thread-safe: a chain has exactly one writer, because two writers would fork it. Run one
 * chain per writer (e.g. per gateway instance, each with its own chain id) or serialise appends.
 * The state is only {@link #head()}, so a writer restarts with {@link #resume} from the last
 * record it made durable.
 */
public final class AuditChain {

    private final AuditKeyring keyring;
    private long lastSeq;
    private String lastHash;

    private AuditChain(AuditKeyring keyring, ChainHead head) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.lastSeq = head.lastSeq();
        this.lastHash = head.lastHash();
    }

    /** A new, empty chain: the first record gets seq 1 and prev_hash of 64 zeros. */
    public static AuditChain genesis(AuditKeyring keyring) {
        return new AuditChain(keyring, ChainHead.GENESIS);
    }

    /** Continues after the record with {@code lastSeq} and {@code lastHash} (see {@link DecodedSegment#head()}). */
    public static AuditChain resume(AuditKeyring keyring, long lastSeq, String lastHash) {
        return new AuditChain(keyring, new ChainHead(lastSeq, lastHash));
    }

    /** Signs and links {@code event} as the next record, and advances the head. */
    public ChainedRecord append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        long seq = lastSeq + 1;
        String keyId = keyring.currentKeyId();
        String hmac = keyring.hmacHex(keyId, RecordCodec.encode(seq, event, lastHash, keyId, null));
        String hash = Hashing.sha256Hex(RecordCodec.encode(seq, event, lastHash, keyId, hmac));
        ChainedRecord record = new ChainedRecord(seq, event, lastHash, keyId, hmac, hash);
        lastSeq = seq;
        lastHash = hash;
        return record;
    }

    /** Seq and hash of the last appended record, or {@link ChainHead#GENESIS}. */
    public ChainHead head() {
        return new ChainHead(lastSeq, lastHash);
    }

    @Override
    public String toString() {
        return "AuditChain[lastSeq=" + lastSeq + ", lastHash=" + lastHash + "]";
    }
}
