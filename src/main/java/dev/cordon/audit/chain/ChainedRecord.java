package dev.cordon.audit.chain;

/**
 * An {@link AuditEvent} placed in a chain. Immutable and thread-safe; no component is null.
 *
 * <p>The canonical body is the event's fields plus {@code seq}, {@code prev_hash} and
 * {@code key_id}; {@code hmac} is hex HMAC-SHA256 of that body under key {@code keyId}; the stored
 * line is the body plus {@code hmac}, re-canonicalised; {@code hash} is hex SHA-256 of the stored
 * line and becomes the next record's {@code prevHash}.
 */
public record ChainedRecord(long seq, AuditEvent event, String prevHash, String keyId, String hmac, String hash) {

    /** Canonical body bytes: what {@link #hmac()} signs. */
    public byte[] body() {
        return RecordCodec.body(this);
    }

    /** The stored line (canonical JSON, no trailing newline): what {@link #hash()} hashes. */
    public byte[] line() {
        return RecordCodec.line(this);
    }

    @Override
    public String toString() {
        return "ChainedRecord[seq=" + seq + ", keyId=" + keyId + ", hash=" + hash + ", event=" + event + "]";
    }
}
