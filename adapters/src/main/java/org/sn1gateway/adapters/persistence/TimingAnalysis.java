package org.sn1gateway.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.domain.model.AnswerSample;
import org.sn1gateway.domain.model.MinerTimings;
import org.sn1gateway.domain.port.MinerTimingReport;

/**
 * The SQL analysis of logged miner timings: the {@code miner_timing_stats} view of migrations/002, over the
 * answers since a moment. The query is the view's, with the time filter a view cannot take.
 */
public final class TimingAnalysis implements MinerTimingReport {
    private static final String SQL = """
            SELECT uid,
                   COUNT(*) AS queries,
                   CAST(SUM(CASE WHEN status IN ('ok', 'selected') THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)
                       AS success_rate,
                   PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ttfc_seconds) AS ttfc_p50,
                   PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY ttfc_seconds) AS ttfc_p95,
                   PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY total_seconds) AS total_p50,
                   PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY total_seconds) AS total_p95,
                   SUM(CASE WHEN status IN ('ok', 'selected') THEN characters ELSE 0 END)
                       / NULLIF(SUM(CASE WHEN status IN ('ok', 'selected') THEN total_seconds ELSE 0 END), 0)
                       AS chars_per_second
            FROM miner_response
            WHERE status NOT IN ('cancelled', 'pending') AND started_at >= :since
            GROUP BY uid
            ORDER BY uid
            """;

    private final Jdbi jdbi;

    public TimingAnalysis(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<MinerTimings> since(Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(SQL).bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, context) -> timings(row)).list());
    }

    @Override
    public List<AnswerSample> samples(Instant since, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT started_at, uid, status, ttfc_seconds, total_seconds FROM miner_response
                        WHERE status NOT IN ('cancelled', 'pending') AND started_at >= :since
                        ORDER BY started_at DESC LIMIT :limit""")
                .bind("since", since.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map((row, context) -> new AnswerSample(row.getObject("started_at", OffsetDateTime.class).toInstant(),
                        row.getInt("uid"), row.getString("status"), nullable(row, "ttfc_seconds"),
                        nullable(row, "total_seconds")))
                .list());
    }

    private static MinerTimings timings(ResultSet row) throws SQLException {
        return new MinerTimings(row.getInt("uid"), row.getLong("queries"), row.getDouble("success_rate"),
                nullable(row, "ttfc_p50"), nullable(row, "ttfc_p95"), nullable(row, "total_p50"),
                nullable(row, "total_p95"), nullable(row, "chars_per_second"));
    }

    private static Double nullable(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
