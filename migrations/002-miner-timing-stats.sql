--liquibase formatted sql

--changeset sn1-gateway:002-miner-timing-stats
--comment: Per-miner timing statistics over every finished answer; the same SQL runs on H2 and PostgreSQL.
CREATE VIEW miner_timing_stats AS
SELECT uid,
       COUNT(*) AS queries,
       CAST(SUM(CASE WHEN status IN ('ok', 'selected') THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*) AS success_rate,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ttfc_seconds) AS ttfc_p50,
       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY ttfc_seconds) AS ttfc_p95,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY total_seconds) AS total_p50,
       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY total_seconds) AS total_p95,
       SUM(CASE WHEN status IN ('ok', 'selected') THEN characters ELSE 0 END)
           / NULLIF(SUM(CASE WHEN status IN ('ok', 'selected') THEN total_seconds ELSE 0 END), 0) AS chars_per_second
FROM miner_response
WHERE status NOT IN ('cancelled', 'pending')
GROUP BY uid;
