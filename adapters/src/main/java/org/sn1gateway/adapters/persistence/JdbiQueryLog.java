package org.sn1gateway.adapters.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;

/** The query log in a relational database (H2 or PostgreSQL) through JDBI; a batch is written whole or not at all. */
public final class JdbiQueryLog implements QueryLogStore {
    private final Jdbi jdbi;
    private final QueryRows rows;

    /**
     * @param protocols the protocol each uid is asked in, recorded with its responses
     * @param storeText whether prompts and answers are kept (off by default: they may be personal data)
     */
    public JdbiQueryLog(Jdbi jdbi, IntFunction<String> protocols, boolean storeText) {
        this.jdbi = jdbi.installPlugin(new SqlObjectPlugin());
        this.rows = new QueryRows(protocols, storeText);
    }

    @Override
    public Map<Integer, MinerStats> minerStats(Instant since) {
        return jdbi.withExtension(QueryLogDao.class, dao -> dao.minerStats(since.atOffset(ZoneOffset.UTC))).stream()
                .collect(Collectors.toUnmodifiableMap(StatsRow::uid, StatsRow::toStats));
    }

    @Override
    public void write(List<QueryRecord> records) {
        List<QueryRow> queries = new ArrayList<>(records.size());
        List<ResponseRow> responses = new ArrayList<>();
        for (QueryRecord record : records) {
            queries.add(rows.query(record));
            responses.addAll(rows.responses(record));
        }
        Transactions.inTransaction(jdbi, handle -> {
            QueryLogDao dao = handle.attach(QueryLogDao.class);
            dao.insertQueries(queries);
            if (!responses.isEmpty()) {
                dao.insertResponses(responses);
            }
            return null;
        });
    }
}
