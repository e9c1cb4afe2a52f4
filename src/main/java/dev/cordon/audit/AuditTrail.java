package dev.cordon.audit;

import dev.cordon.audit.chain.AuditChain;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.audit.chain.AuditKeyring;
import dev.cordon.audit.chain.AuditVerifier;
import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.DecodedSegment;
import dev.cordon.audit.chain.PhiTypeUse;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.SegmentInput;
import dev.cordon.audit.chain.VerificationReport;
import java.time.Instant;
import java.util.Optional;

/** The shipped trail as the rest of the gateway sees it. Blocking methods; call off the event loop. */
public interface AuditTrail {

    /** Verifies the whole chain in the object store; {@code from}/{@code to} narrow the reported counts. */
    VerificationReport verify(Optional<Instant> from, Optional<Instant> to);

    /** Ships everything waiting in the spool now; returns the number of records shipped. */
    int drain();
}
