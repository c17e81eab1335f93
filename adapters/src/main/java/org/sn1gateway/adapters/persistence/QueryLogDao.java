package org.sn1gateway.adapters.persistence;

import java.util.List;
import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Writes query log rows; the SQL runs unchanged on H2 and PostgreSQL. */
interface QueryLogDao {
    @SqlBatch("""
            INSERT INTO chat_query (id, started_at, k, prefer, sampling_mode, timeout_seconds, outcome,
                                    selected_uid, total_seconds, miners_asked, prompt, part_of, selected_by,
                                    prompt_tokens, completion_tokens, estimated)
            VALUES (:id, :startedAt, :k, :prefer, :samplingMode, :timeoutSeconds, :outcome,
                    :selectedUid, :totalSeconds, :minersAsked, :prompt, :partOf, :selectedBy,
                    :promptTokens, :completionTokens, :estimated)
            """)
    void insertQueries(@BindMethods List<QueryRow> rows);

    @SqlBatch("""
            INSERT INTO miner_response (query_id, uid, started_at, hotkey, protocol, status, reason, detail,
                                        ttfc_seconds, total_seconds, chunks, characters, chunk_timings, selected,
                                        answer, wave)
            VALUES (:queryId, :uid, :startedAt, :hotkey, :protocol, :status, :reason, :detail, :ttfcSeconds,
                    :totalSeconds, :chunks, :characters, :chunkTimings, :selected, :answer, :wave)
            """)
    void insertResponses(@BindMethods List<ResponseRow> rows);

    /** Finished answers only: a cancelled or still-pending call says nothing about the miner. */
    @SqlQuery("""
            SELECT uid,
                   COUNT(*) AS answers,
                   SUM(CASE WHEN status IN ('ok', 'selected') THEN 1 ELSE 0 END) AS usable,
                   PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ttfc_seconds) AS median_ttfc
            FROM miner_response
            WHERE started_at >= :since AND status NOT IN ('cancelled', 'pending')
            GROUP BY uid
            """)
    @RegisterConstructorMapper(StatsRow.class)
    List<StatsRow> minerStats(@Bind("since") OffsetDateTime since);

    /** Over every miner's answers that sent text: how long a chat usually waits for its first chunk; null without any. */
    @SqlQuery("""
            SELECT PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY ttfc_seconds)
            FROM miner_response
            WHERE started_at >= :since AND ttfc_seconds IS NOT NULL
            """)
    Double firstChunkP90(@Bind("since") OffsetDateTime since);
}
