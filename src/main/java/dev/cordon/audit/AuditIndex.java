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
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL index of shipped records (metadata only) behind the audit query API. Written by
 * the shipper after a segment is stored; idempotent, so re-shipping after a crash is harmless.
 * Blocking JDBC: call off the event loop. Thread-safe.
 */
@ApplicationScoped
public class AuditIndex {

    /** One indexed record, citing the segment object and sequence number that hold it. */
    public record Entry(long seq, Instant ts, String requestId, String tenant, String actor, String actorType, String action,
                        String model, String patientId, String documentId, String purpose, String outcome, int httpStatus,
                        String segmentKey, boolean breakGlass) {}

    /** Filters; null means "any". */
    /** {@code breakGlassOnly}: only records of requests made under a break-glass grant. */
    public record Query(String tenant, String patientId, String actor, Instant from, Instant to, int limit, boolean breakGlassOnly) {}

    private static final String INSERT = "insert into audit_index (chain_id, seq, ts, request_id, tenant, actor, actor_type,"
            + " action, model, patient_id, document_id, purpose, outcome, http_status, segment_key, break_glass)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing";

    private final AgroalDataSource db;

    AuditIndex(AgroalDataSource db) {
        this.db = db;
    }

    void add(String chainId, String segmentKey, List<ChainedRecord> records) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (ChainedRecord r : records) {
                AuditEvent e = r.event();
                Object[] values = {chainId, r.seq(), Timestamp.from(e.ts()), e.requestId(), e.tenant(), e.actor(), e.actorType(),
                    e.action(), e.model(), e.patientId(), e.documentId(), e.purposeOfUse(), e.outcome(), e.httpStatus(), segmentKey,
                    e.breakGlass()};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Entry> find(Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("select seq, ts, request_id, tenant, actor, actor_type, action, model, patient_id,"
                + " document_id, purpose, outcome, http_status, segment_key, break_glass from audit_index where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "tenant = ?", q.tenant());
        filter(sql, args, "patient_id = ?", q.patientId());
        filter(sql, args, "actor = ?", q.actor());
        if (q.breakGlassOnly()) {
            sql.append(" and break_glass");
        }
        filter(sql, args, "ts >= ?", q.from() == null ? null : Timestamp.from(q.from()));
        filter(sql, args, "ts < ?", q.to() == null ? null : Timestamp.from(q.to()));
        sql.append(" order by ts, seq limit ?");
        args.add(q.limit());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getInt(13), rs.getString(14), rs.getBoolean(15)));
                }
            }
            return out;
        }
    }

    private static void filter(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            args.add(value);
        }
    }
}
