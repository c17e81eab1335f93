package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;

/**
 * Every SQL example of the README, run on H2 and on PostgreSQL over the same rows, which include a miner
 * that never sent a chunk: both must give the same rows in the same order, the silent miner last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeSqlTest {
    private static final int FAST = 1;
    private static final int SLOW = 2;
    private static final int SILENT = 3;
    private static final int FAILING = 4;

    private final TestDatabase h2 = TestDatabase.h2();
    private final TestDatabase postgres = TestDatabase.postgres();

    @BeforeAll
    void logTheSameQueriesInBoth() {
        List<QueryRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(answered(FAST, 100 + i), answered(SLOW, 300 + i), silent(), refused(i)));
        }
        records.add(answeredByTheFallback(record(refused(0), secondWave(answered(SLOW, 310)))));
        for (TestDatabase database : List.of(h2, postgres)) {
            new JdbiQueryLog(database.jdbi(), uid -> "synapse", false).write(records);
        }
    }

    @AfterAll
    void dropDatabases() {
        h2.close();
        postgres.close();
    }

    private static QueryRecord record(MinerResponse... responses) {
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "Hi")),
                new MinerSelection(responses.length, SamplingMode.RANDOM, Set.of(), List.of()), Preference.FIRST,
                Duration.ofSeconds(15));
        // Recent, for the README's "last hour".
        return new QueryRecord(UUID.randomUUID(), Instant.now(), query, QueryOutcome.DELIVERED, FAST,
                Duration.ofSeconds(15), List.of(responses));
    }

    private static QueryRecord answeredByTheFallback(QueryRecord record) {
        return new QueryRecord(record.id(), record.startedAt(), record.query(), record.outcome(), record.selectedUid(),
                record.totalTime(), record.responses(), null, "fallback");
    }

    private static MinerResponse answered(int uid, long ttfcMillis) {
        return new MinerResponse(uid, "hotkey-" + uid, uid == FAST ? MinerStatus.SELECTED : MinerStatus.OK, null,
                Duration.ofMillis(ttfcMillis), Duration.ofMillis(ttfcMillis * 3),
                List.of(Duration.ofMillis(ttfcMillis)), 20, uid == FAST, "");
    }

    private static MinerResponse secondWave(MinerResponse response) {
        return new MinerResponse(response.uid(), response.hotkey(), response.status(), response.reason(),
                response.timeToFirstChunk(), response.totalTime(), response.chunkTimings(), response.characters(),
                response.selected(), response.text(), 2);
    }

    private static MinerResponse silent() {
        return new MinerResponse(SILENT, "hotkey-3", MinerStatus.TIMEOUT,
                new Reason("timeout", "15 s", "no complete answer within the timeout of 15 s"), null,
                Duration.ofSeconds(15), List.of(), 0, false, "");
    }

    /** A refusal whose text carries an id of its own, as the simulated miners' 500s do. */
    private static MinerResponse refused(int nth) {
        String detail = "Internal Server Error #" + UUID.randomUUID();
        MinerStatus status = nth < 3 ? MinerStatus.ERROR : MinerStatus.FILTERED;
        Reason reason = nth < 3 ? new Reason("http_500", detail, "HTTP 500: " + detail)
                : Reason.of("invalid_utf8", "invalid UTF-8 or a replacement character at position " + nth);
        return new MinerResponse(FAILING, "hotkey-4", status, reason, null, Duration.ofMillis(50), List.of(), 0, false,
                "");
    }

    private List<List<String>> sameOnBoth(String title) {
        String sql = ReadmeQueries.named(title);
        List<List<String>> onH2 = ReadmeQueries.rows(h2.observer(), sql);
        assertThat(ReadmeQueries.rows(postgres.observer(), sql)).as("PostgreSQL as H2: %s", sql).isEqualTo(onH2);
        return onH2;
    }

    private static List<String> firstColumn(List<List<String>> rows) {
        return rows.stream().map(row -> row.getFirst()).toList();
    }

    @Test
    void everyReadmeQueryGivesTheSameRowsInTheSameOrderOnBoth() {
        assertThat(ReadmeQueries.all()).hasSize(6);
        for (String title : ReadmeQueries.all().keySet()) {
            assertThat(sameOnBoth(title)).as(title).isNotEmpty();
        }
    }

    @Test
    void theMinersAtAGlancePutTheSilentOnesLast() {
        assertThat(firstColumn(sameOnBoth("Every miner at a glance")))
                .containsExactly("" + FAST, "" + SLOW, "" + SILENT, "" + FAILING);
    }

    @Test
    void theFastestReliableMinersPutTheSilentOnesLast() {
        assertThat(firstColumn(sameOnBoth("The fastest reliable miners")))
                .containsExactly("" + FAST, "" + SLOW, "" + SILENT, "" + FAILING);
    }

    @Test
    void refusalsGroupByTheirCodeWhateverTheirDetail() {
        assertThat(sameOnBoth("Why answers were refused")).containsExactly(
                List.of("timeout", "timeout", "5"), List.of("error", "http_500", "4"),
                List.of("filtered", "invalid_utf8", "2"));
    }

    @Test
    void failoverShowsTheFirstWavesFailuresByReason() {
        assertThat(sameOnBoth("What failover rescued")).containsExactly(List.of("http_500", "1"));
    }

    @Test
    void theFallbacksChatsShowTheMinersFailuresByProtocolAndReason() {
        assertThat(sameOnBoth("Why the fallback answered")).containsExactly(List.of("synapse", "http_500", "1"));
    }
}
