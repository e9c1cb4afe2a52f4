package dev.cordon.audit.chain;

import dev.cordon.audit.chain.Problem.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Everything about one segment that can be checked without its neighbours: format, seal
 * signature, content hash, record signatures and in-segment links, seal agreement and key name.
 * Independent per segment, so segments are checked in parallel; the ordered cross-segment checks
 * run afterwards in {@link AuditVerifier} on the small summary kept here. Immutable after {@link #run}.
 */
final class SegmentCheck {

    final String key;
    /** First problem found inside the segment (kinds before SEGMENT_CHAIN_BREAK), or null. */
    Problem problem;
    /** Reported only after the cross-segment checks pass, following the documented check order. */
    Problem keyNameProblem;
    SegmentSeal seal;
    String segmentHash;
    ChainedRecord first;
    ChainedRecord last;
    long recordCount;
    RangeStats stats;
    /** Hash of the record at the anchor's seq when this segment holds it, else null. */
    String anchorSeqHash;

    private SegmentCheck(String key) {
        this.key = key;
    }

    static SegmentCheck run(SegmentInput input, AuditKeyring keyring, RangeStats stats, long anchorSeq) {
        SegmentCheck check = new SegmentCheck(input.key());
        check.stats = stats;
        check.problem = check.verify(input.bytes(), keyring, anchorSeq);
        return check;
    }

    private Problem verify(byte[] bytes, AuditKeyring keyring, long anchorSeq) {
        RawSegment raw;
        try {
            raw = RawSegment.read(bytes);
        } catch (SegmentFormatException e) {
            return problem(Kind.UNDECODABLE, -1, e.getMessage());
        }
        seal = raw.seal;
        segmentHash = raw.segmentHash;
        Problem sealProblem = checkSeal(keyring);
        if (sealProblem != null) {
            return sealProblem;
        }
        if (!raw.recordsHash.equals(seal.recordsHash())) {
            return diagnoseContent(raw, keyring);
        }
        Problem recordProblem = checkRecords(raw, keyring, anchorSeq);
        if (recordProblem == null) {
            keyNameProblem = checkKeyName();
        }
        return recordProblem;
    }

    private Problem checkSeal(AuditKeyring keyring) {
        if (!keyring.contains(seal.keyId())) {
            return problem(Kind.UNKNOWN_KEY, -1, "seal is signed with key id " + seal.keyId() + ", which the keyring does not hold");
        }
        if (!equalHex(keyring.hmacHex(seal.keyId(), seal.body()), seal.hmac())) {
            return problem(Kind.BAD_SEAL_SIGNATURE, -1, "seal HMAC does not verify with key id " + seal.keyId());
        }
        return null;
    }

    /** The seal is authentic but the lines are not what it sealed: find the first record that shows why. */
    private Problem diagnoseContent(RawSegment raw, AuditKeyring keyring) {
        Problem cause = checkRecords(raw, keyring, -1);
        String prefix = "record lines do not hash to the seal's records_hash; first difference: ";
        if (cause == null) {
            return problem(Kind.CONTENT_MISMATCH, -1, prefix + "none found record by record");
        }
        return problem(Kind.CONTENT_MISMATCH, cause.seq(), prefix + cause.detail());
    }

    private Problem checkRecords(RawSegment raw, AuditKeyring keyring, long anchorSeq) {
        ChainedRecord previous = null;
        for (int i = 0; i < raw.recordLines.size(); i++) {
            long expectedSeq = previous == null ? seal.firstSeq() : previous.seq() + 1;
            ChainedRecord record;
            try {
                record = raw.record(i);
            } catch (SegmentFormatException e) {
                return problem(Kind.UNDECODABLE, expectedSeq, e.getMessage() + " (expected seq " + expectedSeq + " there)");
            }
            // The first record's seq is compared with the seal, not with itself.
            Problem problem = checkRecord(previous, record, raw.signedBody(i), previous == null ? record.seq() : expectedSeq, keyring);
            if (problem != null) {
                return problem;
            }
            observe(record, i == 0, anchorSeq);
            previous = record;
        }
        return checkSealAgreement();
    }

    private Problem checkRecord(ChainedRecord previous, ChainedRecord record, byte[] body, long expectedSeq, AuditKeyring keyring) {
        if (!keyring.contains(record.keyId())) {
            return problem(Kind.UNKNOWN_KEY, record.seq(), "record is signed with key id " + record.keyId() + ", which the keyring does not hold");
        }
        if (!equalHex(keyring.hmacHex(record.keyId(), body), record.hmac())) {
            return problem(Kind.BAD_RECORD_SIGNATURE, record.seq(), "record seq " + record.seq() + " HMAC does not verify (record edited)");
        }
        if (previous != null && !record.prevHash().equals(previous.hash())) {
            return problem(Kind.CHAIN_BREAK, record.seq(), "record seq " + record.seq() + " prev_hash is not the hash of the record before it (seq "
                    + previous.seq() + "): a record was deleted, inserted or reordered");
        }
        if (record.seq() != expectedSeq) {
            return problem(Kind.SEQ_GAP, record.seq(), "expected seq " + expectedSeq + " but found seq " + record.seq());
        }
        return null;
    }

    private void observe(ChainedRecord record, boolean isFirst, long anchorSeq) {
        if (isFirst) {
            first = record;
        }
        last = record;
        recordCount++;
        stats.accept(record.seq(), record.event().ts());
        if (record.seq() == anchorSeq) {
            anchorSeqHash = record.hash();
        }
    }

    private Problem checkSealAgreement() {
        if (seal.firstSeq() != first.seq() || seal.lastSeq() != last.seq() || seal.count() != recordCount) {
            return problem(Kind.SEAL_MISMATCH, -1, "seal says seq " + seal.firstSeq() + ".." + seal.lastSeq() + " count " + seal.count()
                    + " but the records are seq " + first.seq() + ".." + last.seq() + " count " + recordCount);
        }
        return null;
    }

    private Problem checkKeyName() {
        String expectedSuffix = SegmentCodec.objectKey("", seal.chainId(), seal.firstSeq(), seal.lastSeq());
        if (!key.endsWith(expectedSuffix)) {
            return problem(Kind.KEY_NAME_MISMATCH, -1, "object key does not end with " + expectedSuffix + " as the seal implies");
        }
        return null;
    }

    Problem problem(Kind kind, long seq, String detail) {
        return new Problem(kind, key, seq, detail);
    }

    private static boolean equalHex(String computed, String stored) {
        // Constant-time, so verification timing reveals nothing about a correct HMAC.
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }
}
