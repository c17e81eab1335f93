package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import liquibase.command.core.UpdateCountCommandStep;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** migrations/006 on a query log written before it, on H2 and PostgreSQL: every earlier response was of wave 1. */
class WaveMigrationTest {
    /** 001 to 005, the changesets before waves. */
    private static final int BEFORE_WAVES = 5;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sn1gateway.adapters.persistence.ReasonDetailMigrationTest#databases")
    void responsesLoggedBeforeWavesAreOfTheFirstWave(String name, Supplier<TestDatabase> empty) throws Exception {
        try (TestDatabase database = empty.get()) {
            ReasonDetailMigrationTest.liquibase(database, UpdateCountCommandStep.COMMAND_NAME,
                    UpdateCountCommandStep.COUNT_ARG, BEFORE_WAVES);
            Jdbi jdbi = database.observer();
            ReasonDetailMigrationTest.logOldRows(jdbi);

            SchemaMigrations.apply(database.dataSource());

            List<Integer> waves = jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT wave FROM miner_response")
                    .mapTo(Integer.class).list());
            assertThat(waves).containsExactly(1);
        }
    }
}
