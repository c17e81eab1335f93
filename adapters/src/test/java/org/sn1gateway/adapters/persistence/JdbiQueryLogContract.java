package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.AnswerSample;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.MinerTimings;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;

/** What the query log must do on every database it supports; one subclass per database. */
abstract class JdbiQueryLogContract {
    private final TestDatabase database = database();
    private final Jdbi jdbi = database.jdbi();
    /** Reads through its own connections: a row counts only once it was committed. */
    private final Jdbi observer = database.observer();

    abstract TestDatabase database();

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    static QueryRecord record(MinerResponse... responses) {
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "Hello there")),
                new MinerSelection(2, SamplingMode.TOP_INCENTIVE, Set.of(), List.of()), Preference.LONGEST,
                Duration.ofSeconds(15));
        return new QueryRecord(UUID.randomUUID(), Instant.parse("2026-11-24T10:15:30.123Z"), query,
                QueryOutcome.DELIVERED, 3, Duration.ofMillis(2_500), List.of(responses));
    }

    static MinerResponse selected(int uid) {
        return new MinerResponse(uid, "hotkey-" + uid, MinerStatus.SELECTED, null, Duration.ofMillis(120),
                Duration.ofMillis(900), List.of(Duration.ofMillis(120), Duration.ofMillis(450)), 11, true,
                "Hi, friend!");
    }

    static MinerResponse timedOut(int uid) {
        return new MinerResponse(uid, "hotkey-" + uid, MinerStatus.TIMEOUT,
                new Reason("timeout", "15 s", "no complete answer within the timeout of 15 s"), null, null,
                List.of(), 0, false, "");
    }

    private String text(String sql, QueryRecord record) {
        return observer.withHandle(handle -> handle.createQuery(sql).bind("id", record.id().toString())
                .mapTo(String.class).one());
    }

    @Test
    void writesOneRowPerQueryAndOnePerMinerWithItsTimings() {
        QueryRecord record = record(selected(3), timedOut(9));

        new JdbiQueryLog(jdbi, uid -> "synapse", false).write(List.of(record));

        Map<String, Object> query = observer.withHandle(handle -> handle
                .createQuery("SELECT * FROM chat_query WHERE id = :id").bind("id", record.id().toString())
                .mapToMap().one());
        assertThat(query).containsEntry("outcome", "delivered").containsEntry("selected_uid", 3)
                .containsEntry("k", 2).containsEntry("prefer", "longest").containsEntry("sampling_mode", "top_incentive")
                .containsEntry("miners_asked", 2).containsEntry("prompt", null);
        assertThat(((Number) query.get("total_seconds")).doubleValue()).isEqualTo(2.5);
        List<Map<String, Object>> responses = observer.withHandle(handle -> handle
                .createQuery("SELECT * FROM miner_response WHERE query_id = :id ORDER BY uid")
                .bind("id", record.id().toString()).mapToMap().list());
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0)).containsEntry("uid", 3).containsEntry("status", "selected")
                .containsEntry("selected", true).containsEntry("chunks", 2).containsEntry("characters", 11)
                .containsEntry("protocol", "synapse").containsEntry("chunk_timings", "[0.12,0.45]")
                .containsEntry("answer", null);
        assertThat(((Number) responses.get(0).get("ttfc_seconds")).doubleValue()).isEqualTo(0.12);
        assertThat(responses.get(1)).containsEntry("status", "timeout").containsEntry("ttfc_seconds", null)
                .containsEntry("reason", "timeout").containsEntry("detail", "15 s")
                .containsEntry("chunk_timings", "[]");
    }

    @Test
    void recordsTheTokensEachChatCostItsClientAndNothingForAQueryNothingCounted() {
        QueryRecord base = record(selected(3));
        QueryRecord counted = new QueryRecord(base.id(), base.startedAt(), base.query(), base.outcome(),
                base.selectedUid(), base.totalTime(), base.responses(), null, "first", new ChatUsage(21, 6, true));
        QueryRecord uncounted = record(selected(4));

        new JdbiQueryLog(jdbi, uid -> "openai", false).write(List.of(counted, uncounted));

        String sql = "SELECT prompt_tokens, completion_tokens, estimated FROM chat_query WHERE id = :id";
        Map<String, Object> row = observer.withHandle(handle -> handle.createQuery(sql)
                .bind("id", counted.id().toString()).mapToMap().one());
        assertThat(((Number) row.get("prompt_tokens")).longValue()).isEqualTo(21);
        assertThat(((Number) row.get("completion_tokens")).longValue()).isEqualTo(6);
        assertThat(row.get("estimated")).isEqualTo(true);
        Map<String, Object> uncountedRow = observer.withHandle(handle -> handle.createQuery(sql)
                .bind("id", uncounted.id().toString()).mapToMap().one());
        assertThat(uncountedRow).containsEntry("prompt_tokens", null).containsEntry("estimated", null);
    }

    @Test
    void recordsTheRuleThatChoseTheAnswerOrTheFallback() {
        QueryRecord base = record(selected(65_536));
        QueryRecord fromFallback = new QueryRecord(base.id(), base.startedAt(), base.query(), base.outcome(),
                base.selectedUid(), base.totalTime(), base.responses(), null, "fallback");
        QueryRecord unrecorded = record(selected(4));

        new JdbiQueryLog(jdbi, uid -> "openai", false).write(List.of(fromFallback, unrecorded));

        assertThat(text("SELECT selected_by FROM chat_query WHERE id = :id", fromFallback)).isEqualTo("fallback");
        assertThat(text("SELECT selected_by FROM chat_query WHERE id = :id", unrecorded)).isNull();
    }

    @Test
    void linksALaterPhaseOfARequestToItsFirstQuery() {
        QueryRecord first = record(selected(6));
        QueryRecord later = record(selected(7));
        QueryRecord synthesis = new QueryRecord(later.id(), later.startedAt(), later.query(), later.outcome(),
                later.selectedUid(), later.totalTime(), later.responses(), first.id());

        new JdbiQueryLog(jdbi, uid -> "synapse", false).write(List.of(synthesis, first));

        assertThat(text("SELECT part_of FROM chat_query WHERE id = :id", synthesis)).isEqualTo(first.id().toString());
        assertThat(text("SELECT part_of FROM chat_query WHERE id = :id", first)).isNull();
    }

    @Test
    void keepsPromptAndAnswerTextOnlyWhenConfiguredTo() {
        QueryRecord record = record(selected(4));

        new JdbiQueryLog(jdbi, uid -> "synapse", true).write(List.of(record));

        assertThat(text("SELECT prompt FROM chat_query WHERE id = :id", record)).isEqualTo("user: Hello there");
        assertThat(text("SELECT answer FROM miner_response WHERE query_id = :id", record)).isEqualTo("Hi, friend!");
    }

    @Test
    void writesABatchWholeOrNotAtAll() {
        QueryRecord first = record(selected(1));
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);

        assertThatThrownBy(() -> log.write(List.of(first, first))).isInstanceOf(RuntimeException.class);

        assertThat(text("SELECT CAST(COUNT(*) AS VARCHAR(10)) FROM chat_query WHERE id = :id", first)).isEqualTo("0");
    }

    @Test
    void recordsWhichWaveAskedEachMiner() {
        MinerResponse failed = timedOut(51);
        MinerResponse second = selected(52);
        QueryRecord record = record(failed, new MinerResponse(second.uid(), second.hotkey(), second.status(),
                second.reason(), second.timeToFirstChunk(), second.totalTime(), second.chunkTimings(),
                second.characters(), second.selected(), second.text(), 2));

        new JdbiQueryLog(jdbi, uid -> "synapse", false).write(List.of(record));

        List<Integer> waves = observer.withHandle(handle -> handle
                .createQuery("SELECT wave FROM miner_response WHERE query_id = :id ORDER BY uid")
                .bind("id", record.id().toString()).mapTo(Integer.class).list());
        assertThat(waves).containsExactly(1, 2);
    }

    @Test
    void measuresTheNinetiethPercentileOfTimeToFirstChunkOverEveryMiner() {
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        Instant since = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(log.firstChunkP90(since)).isEmpty();
        List<MinerResponse> responses = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            responses.add(new MinerResponse(60 + i, "hotkey-" + i, MinerStatus.OK, null, Duration.ofMillis(100L * i),
                    Duration.ofSeconds(2), List.of(Duration.ofMillis(100L * i)), 5, false, "Hello"));
        }
        responses.add(timedOut(71));
        QueryRecord base = record(responses.toArray(MinerResponse[]::new));
        log.write(List.of(new QueryRecord(base.id(), since.plusSeconds(5), base.query(), base.outcome(),
                base.selectedUid(), base.totalTime(), base.responses())));

        assertThat(log.firstChunkP90(since)).hasValueSatisfying(p90 ->
                assertThat(p90.toNanos() / 1e9).isCloseTo(0.91, within(1e-6)));
    }

    @Test
    void summarisesEachMinersRecentAnswersForSampling() {
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        log.write(List.of(record(selected(21), timedOut(22)), record(selected(21), timedOut(22)),
                record(new MinerResponse(21, "hotkey-21", MinerStatus.OK, null, Duration.ofMillis(300),
                        Duration.ofMillis(900), List.of(Duration.ofMillis(300)), 5, false, "Hello"))));

        var stats = log.minerStats(Instant.parse("2026-11-24T00:00:00Z"));

        assertThat(stats.get(21).answers()).isEqualTo(3);
        assertThat(stats.get(21).successRate()).isEqualTo(1.0);
        assertThat(stats.get(21).medianTimeToFirstChunk()).isEqualTo(Duration.ofMillis(120));
        assertThat(stats.get(22).successRate()).isZero();
        assertThat(log.minerStats(Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void analysesTimingsPerMinerWithTheSameSqlOnEveryDatabase() {
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        log.write(List.of(record(selected(31), timedOut(32)), record(selected(31)), record(new MinerResponse(31,
                "hotkey-31", MinerStatus.OK, null, Duration.ofMillis(300), Duration.ofMillis(1_100),
                List.of(Duration.ofMillis(300)), 11, false, "Hello there"))));

        List<MinerTimings> stats = new TimingAnalysis(observer).since(Instant.parse("2026-11-24T00:00:00Z")).stream()
                .filter(row -> row.uid() >= 31 && row.uid() <= 32).toList();

        assertThat(stats).extracting(MinerTimings::uid).containsExactly(31, 32);
        MinerTimings fast = stats.get(0);
        assertThat(fast.queries()).isEqualTo(3);
        assertThat(fast.successRate()).isEqualTo(1.0);
        assertThat(fast.ttfcP50()).isCloseTo(0.12, within(1e-9));
        assertThat(fast.totalP50()).isCloseTo(0.9, within(1e-9));
        assertThat(fast.charsPerSecond()).isCloseTo(33 / 2.9, within(1e-9));
        assertThat(stats.get(1).successRate()).isZero();
        assertThat(stats.get(1).ttfcP50()).isNull();
        long fromView = observer.withHandle(handle -> handle.createQuery("SELECT queries FROM miner_timing_stats WHERE uid = 31")
                .mapTo(Long.class).one());
        assertThat(fromView).as("the view agrees").isEqualTo(3L);
        assertThat(new TimingAnalysis(observer).since(Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        List<AnswerSample> samples = new TimingAnalysis(observer).samples(Instant.parse("2026-11-24T00:00:00Z"), 1_000)
                .stream().filter(sample -> sample.uid() == 31 || sample.uid() == 32).toList();
        assertThat(samples).hasSize(4);
        assertThat(samples).filteredOn(AnswerSample::usable).hasSize(3);
        assertThat(samples).filteredOn(sample -> sample.uid() == 32).singleElement()
                .satisfies(sample -> assertThat(sample.ttfcSeconds()).isNull());
    }

    @Test
    void retentionDeletesOldQueriesWithTheirResponsesInBatchesAndKeepsRecentOnes() {
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        List<QueryRecord> old = List.of(recordAt("2020-01-01T00:00:00Z"), recordAt("2020-01-02T00:00:00Z"),
                recordAt("2020-01-03T00:00:00Z"));
        QueryRecord recent = recordAt("2026-11-24T00:00:00Z");
        log.write(old);
        log.write(List.of(recent));

        long purged = new QueryLogRetention(jdbi, 2).purgeBefore(Instant.parse("2021-01-01T00:00:00Z"));

        assertThat(purged).isGreaterThanOrEqualTo(3);
        for (QueryRecord record : old) {
            assertThat(count("SELECT COUNT(*) FROM chat_query WHERE id = :id", record)).isZero();
            assertThat(count("SELECT COUNT(*) FROM miner_response WHERE query_id = :id", record)).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM miner_response WHERE query_id = :id", recent)).isEqualTo(2);
    }

    private static QueryRecord recordAt(String startedAt) {
        QueryRecord record = record(selected(41), timedOut(42));
        return new QueryRecord(record.id(), Instant.parse(startedAt), record.query(), record.outcome(),
                record.selectedUid(), record.totalTime(), record.responses());
    }

    private long count(String sql, QueryRecord record) {
        return observer.withHandle(handle -> handle.createQuery(sql).bind("id", record.id().toString())
                .mapTo(Long.class).one());
    }

    @Test
    void aRetryOfABatchThatWasAlreadyCommittedWritesOnlyWhatIsMissing() {
        JdbiQueryLog log = new JdbiQueryLog(jdbi, uid -> "synapse", false);
        QueryRecord committed = record(selected(51));
        QueryRecord fresh = record(selected(52));
        log.write(List.of(committed));

        log.write(List.of(committed, fresh));

        assertThat(count("SELECT COUNT(*) FROM chat_query WHERE id = :id", committed)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM miner_response WHERE query_id = :id", committed)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM chat_query WHERE id = :id", fresh)).isEqualTo(1);
    }

    @Test
    void truncatesWhatAHostileMinerCouldMakeTooLong() {
        MinerResponse hostile = new MinerResponse(5, "h".repeat(500), MinerStatus.ERROR,
                new Reason("http_500", "r".repeat(10_000), "HTTP 500: " + "r".repeat(10_000)), null,
                Duration.ofMillis(5), List.of(), 0, false, "");
        QueryRecord record = record(hostile);

        new JdbiQueryLog(jdbi, uid -> "synapse", false).write(List.of(record));

        Map<String, Object> row = observer.withHandle(handle -> handle
                .createQuery("SELECT hotkey, detail FROM miner_response WHERE query_id = :id")
                .bind("id", record.id().toString()).mapToMap().one());
        assertThat((String) row.get("hotkey")).hasSize(64);
        assertThat((String) row.get("detail")).hasSize(500);
    }
}
