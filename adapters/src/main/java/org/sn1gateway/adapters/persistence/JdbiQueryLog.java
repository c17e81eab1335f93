package org.sn1gateway.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    public Optional<Duration> firstChunkP90(Instant since) {
        return Optional.ofNullable(jdbi.withExtension(QueryLogDao.class,
                        dao -> dao.firstChunkP90(since.atOffset(ZoneOffset.UTC))))
                .map(seconds -> Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /**
     * Writes the records not already in the log. A batch whose commit reached the database but whose
     * acknowledgement was lost with the connection comes back as a retry; skipping what is there makes the
     * retry succeed instead of failing on the primary key for ever and holding up every later row.
     */
    @Override
    public void write(List<QueryRecord> records) {
        Transactions.inTransaction(jdbi, handle -> {
            Set<String> present = Set.copyOf(handle.createQuery("SELECT id FROM chat_query WHERE id IN (<ids>)")
                    .bindList("ids", records.stream().map(record -> record.id().toString()).toList())
                    .mapTo(String.class).list());
            List<QueryRow> queries = new ArrayList<>(records.size());
            List<ResponseRow> responses = new ArrayList<>();
            for (QueryRecord record : records) {
                if (!present.contains(record.id().toString())) {
                    queries.add(rows.query(record));
                    responses.addAll(rows.responses(record));
                }
            }
            QueryLogDao dao = handle.attach(QueryLogDao.class);
            if (!queries.isEmpty()) {
                dao.insertQueries(queries);
            }
            if (!responses.isEmpty()) {
                dao.insertResponses(responses);
            }
            return null;
        });
    }
}
