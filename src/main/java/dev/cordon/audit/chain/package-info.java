/**
 * The tamper-evident audit trail's pure core: no Quarkus, CDI, S3 or Redis types, no reflection.
 *
 * <h2>Format (version 1)</h2>
 * <ul>
 * <li><b>Record line</b>: canonical JSON ({@link dev.cordon.audit.chain.CanonicalJson}) of the
 * event's snake_case fields plus {@code seq} (1, 2, ...), {@code prev_hash}, {@code key_id} and
 * {@code hmac}. {@code hmac} = hex HMAC-SHA256 under {@code key_id} of the same object without
 * {@code hmac}; the record's hash = hex SHA-256 of the line; the next record's {@code prev_hash}
 * is that hash, the first record's is 64 zeros. Unknown fields are rejected on read.</li>
 * <li><b>Segment</b>: gzip of record lines in seq order and one final seal line, each ending in
 * {@code \n}. Seal: {@code type:"seal", chain, first_seq, last_seq, count, prev_segment_hash,
 * records_hash, created, key_id, hmac}; {@code records_hash} = SHA-256 over the record lines
 * including their newlines; {@code hmac} signs the seal without {@code hmac}; the segment hash =
 * SHA-256 of the seal line (without newline) and is the next segment's {@code prev_segment_hash}
 * (64 zeros for the first segment).</li>
 * <li><b>Object key</b>: {@code prefix + chain + "/segments/" + %020d first_seq + "-" + %020d last_seq + ".jsonl.gz"}.</li>
 * </ul>
 * Changing any of this changes signatures: the golden test in {@code AuditChainTest} pins one.
 */
package dev.cordon.audit.chain;
