package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import liquibase.command.core.UpdateCountCommandStep;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** migrations/006 on a query log written before it, on H2 and PostgreSQL: every earlier response was of wave 1. */
class WaveMigrationTest {
    /** 001 to 005, the changesets before waves. */
    private static final int BEFORE_WAVES = 5;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<TestDatabase>) () -> TestDatabase.h2(false)),
                Arguments.of("PostgreSQL", (Supplier<TestDatabase>) () -> TestDatabase.postgres(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void responsesLoggedBeforeWavesAreOfTheFirstWave(String name, Supplier<TestDatabase> empty) throws Exception {
        try (TestDatabase database = empty.get()) {
            ReasonDetailMigrationTest.liquibase(database, UpdateCountCommandStep.COMMAND_NAME,
                    UpdateCountCommandStep.COUNT_ARG, BEFORE_WAVES);
            Jdbi jdbi = database.observer();
            jdbi.useHandle(handle -> {
                handle.execute("""
                        INSERT INTO chat_query (id, started_at, k, prefer, sampling_mode, timeout_seconds, outcome,
                                                selected_uid, total_seconds, miners_asked)
                        VALUES ('q', TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00', 1, 'first', 'random', 15,
                                'all_failed', NULL, 15, 1)""");
                handle.execute("""
                        INSERT INTO miner_response (query_id, uid, started_at, hotkey, protocol, status, reason,
                                                    chunks, characters, chunk_timings, selected)
                        VALUES ('q', 7, TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00', 'h', 'synapse',
                                'error', 'http_500', 0, 0, '[]', FALSE)""");
            });

            SchemaMigrations.apply(database.dataSource());

            List<Integer> waves = jdbi.withHandle(handle -> handle.createQuery("SELECT wave FROM miner_response")
                    .mapTo(Integer.class).list());
            assertThat(waves).containsExactly(1);
        }
    }
}
