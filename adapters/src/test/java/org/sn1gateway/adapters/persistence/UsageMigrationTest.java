package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import liquibase.command.core.RollbackCountCommandStep;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * migrations/008 and 009 on H2 and PostgreSQL: `db rollback --count 2` takes the token columns, the per-key
 * totals and the budgets away again, and migrating puts them back.
 */
class UsageMigrationTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sn1gateway.adapters.persistence.ReasonDetailMigrationTest#databases")
    void rollsBackAndReappliesTheTokenAndBudgetChanges(String name, Supplier<TestDatabase> empty) throws Exception {
        try (TestDatabase database = empty.get()) {
            SchemaMigrations.apply(database.dataSource());
            Jdbi jdbi = database.observer();
            assertThat(columns(jdbi, "chat_query")).contains("prompt_tokens", "completion_tokens", "estimated");
            assertThat(columns(jdbi, "api_key")).contains("token_budget", "budget_period", "expires_at");
            assertThat(tables(jdbi)).contains("key_usage");

            ReasonDetailMigrationTest.liquibase(database, RollbackCountCommandStep.COMMAND_NAME,
                    RollbackCountCommandStep.COUNT_ARG, 2);

            assertThat(columns(jdbi, "chat_query")).doesNotContain("prompt_tokens", "completion_tokens", "estimated")
                    .contains("selected_by");
            assertThat(columns(jdbi, "api_key")).doesNotContain("token_budget", "budget_period", "expires_at");
            assertThat(tables(jdbi)).doesNotContain("key_usage");

            SchemaMigrations.apply(database.dataSource());
            assertThat(tables(jdbi)).contains("key_usage");
        }
    }

    private static List<String> columns(Jdbi jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT column_name FROM information_schema.columns
                        WHERE LOWER(table_name) = :table AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)""")
                .bind("table", table).mapTo(String.class).stream().map(column -> column.toLowerCase(Locale.ROOT))
                .toList());
    }

    private static List<String> tables(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)""")
                .mapTo(String.class).stream().map(table -> table.toLowerCase(Locale.ROOT)).toList());
    }
}
