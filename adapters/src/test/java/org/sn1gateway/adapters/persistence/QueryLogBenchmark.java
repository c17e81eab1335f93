package org.sn1gateway.adapters.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;

/**
 * The query log's cost per row: one batch of 100 finished k=1 queries (100 {@code chat_query} and 100
 * {@code miner_response} rows) a call, into an H2 file or the machine's PostgreSQL, as the gateway writes them
 * ({@code jdbc}: JDBI's SQL batch, one execution per row) or as one multi-row {@code INSERT} per table
 * ({@code multirow}), with the schema's indexes or without the one on {@code part_of}. Run:
 * {@code mvn -q -pl adapters -am -Pbench test-compile -Dbench=QueryLog} (with a JDK 21+ first on the PATH).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class QueryLogBenchmark {
    private static final int BATCH = 100;

    @Param({"h2", "postgres"})
    public String database;

    @Param({"jdbc", "multirow"})
    public String statements;

    /** {@code without_part_of}: the schema less the index on {@code chat_query.part_of}, written for every row. */
    @Param({"all", "without_part_of"})
    public String indexes;

    private Path directory;
    private TestDatabase postgres;
    private Jdbi jdbi;
    private JdbiQueryLog log;
    private QueryRows rows;

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (database.equals("h2")) {
            directory = Files.createTempDirectory("query-log-bench");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + directory.resolve("log"));
            h2.setUser("sa");
            SchemaMigrations.apply(h2);
            jdbi = Jdbi.create(h2);
        } else {
            postgres = TestDatabase.postgres();
            jdbi = postgres.jdbi();
        }
        if (indexes.equals("without_part_of")) {
            jdbi.useHandle(handle -> handle.execute("DROP INDEX chat_query_part_of"));
        }
        log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        rows = new QueryRows(uid -> "synapse", false);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static List<QueryRecord> batch() {
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "Say hello")),
                new MinerSelection(1, SamplingMode.RANDOM, Set.of(), List.of()), Preference.FIRST, Duration.ofSeconds(10));
        List<QueryRecord> records = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            MinerResponse response = new MinerResponse(0, "5EXEa2Vrrra3KXUyBErqyvAPCNWdF4JYFAE6Z1bAYFAUMDa2",
                    MinerStatus.SELECTED, null, Duration.ofMillis(2), Duration.ofMillis(3),
                    List.of(Duration.ofMillis(2), Duration.ofMillis(2), Duration.ofMillis(3)), 40, true, "text");
            records.add(new QueryRecord(UUID.randomUUID(), Instant.now(), query, QueryOutcome.DELIVERED, 0,
                    Duration.ofMillis(4), List.of(response)));
        }
        return records;
    }

    @Benchmark
    public void writeBatch() {
        List<QueryRecord> records = batch();
        if (statements.equals("jdbc")) {
            log.write(records);
        } else {
            multiRow(records);
        }
    }

    private void multiRow(List<QueryRecord> records) {
        jdbi.useTransaction(handle -> {
            List<QueryRow> queries = records.stream().map(rows::query).toList();
            List<ResponseRow> responses = records.stream().flatMap(record -> rows.responses(record).stream()).toList();
            handle.createUpdate("""
                    INSERT INTO chat_query (id, started_at, k, prefer, sampling_mode, timeout_seconds, outcome,
                                            selected_uid, total_seconds, miners_asked, prompt, part_of, selected_by)
                    VALUES <rows>""").bindMethodsList("rows", queries, List.of("id", "startedAt", "k", "prefer",
                    "samplingMode", "timeoutSeconds", "outcome", "selectedUid", "totalSeconds", "minersAsked", "prompt",
                    "partOf", "selectedBy")).execute();
            handle.createUpdate("""
                    INSERT INTO miner_response (query_id, uid, started_at, hotkey, protocol, status, reason, detail,
                                                ttfc_seconds, total_seconds, chunks, characters, chunk_timings, selected,
                                                answer, wave)
                    VALUES <rows>""").bindMethodsList("rows", responses, List.of("queryId", "uid", "startedAt", "hotkey",
                    "protocol", "status", "reason", "detail", "ttfcSeconds", "totalSeconds", "chunks", "characters",
                    "chunkTimings", "selected", "answer", "wave")).execute();
        });
    }
}
