package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * migrations/005 on a query log written before it, on H2 and PostgreSQL: the free-text reasons become codes
 * with their detail, so that they group, and `db rollback --count 1` turns them back into text.
 */
class ReasonDetailMigrationTest {
    /** 001 to 004, the changesets before reasons had codes. */
    private static final int BEFORE_CODES = 4;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<TestDatabase>) () -> TestDatabase.h2(false)),
                Arguments.of("PostgreSQL", (Supplier<TestDatabase>) () -> TestDatabase.postgres(false)));
    }

    private static final List<String> OLD_REASONS = Arrays.asList(
            "HTTP 500: Internal Server Error #9f1c",
            "HTTP 500: Internal Server Error #77ab",
            "HTTP 302",
            "HTTP 200 with application/json instead of a stream: CUDA out of memory",
            "refusal: the answer opens with \"I'm sorry\"",
            "invalid_utf8: invalid UTF-8 or a replacement character at position 17",
            "no complete answer within the timeout of 15 s",
            "connect timed out",
            "the answer exceeded the limit of 1048576 bytes",
            "the answer's axon signature is not from the miner's hotkey 5Abc",
            "something no gateway wrote",
            null);

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void splitsTheReasonsLoggedBeforeIntoCodeAndDetailAndRollsBack(String name, Supplier<TestDatabase> empty)
            throws Exception {
        try (TestDatabase database = empty.get()) {
            liquibase(database, UpdateCountCommandStep.COMMAND_NAME, UpdateCountCommandStep.COUNT_ARG, BEFORE_CODES);
            Jdbi jdbi = database.observer();
            logOldRows(jdbi);

            // 005 alone, so that its rollback below undoes it whatever changesets come later.
            liquibase(database, UpdateCountCommandStep.COMMAND_NAME, UpdateCountCommandStep.COUNT_ARG, 1);

            assertThat(rows(jdbi, "SELECT reason, detail FROM miner_response ORDER BY uid")).containsExactly(
                    List.of("http_500", "Internal Server Error #9f1c"),
                    List.of("http_500", "Internal Server Error #77ab"),
                    Arrays.asList("http_302", null),
                    List.of("not_a_stream", "HTTP 200 with application/json instead of a stream: CUDA out of memory"),
                    List.of("refusal", "the answer opens with \"I'm sorry\""),
                    List.of("invalid_utf8", "invalid UTF-8 or a replacement character at position 17"),
                    List.of("timeout", "15 s"),
                    Arrays.asList("connect_timeout", null),
                    List.of("answer_too_large", "1048576 bytes"),
                    List.of("forged_signature", "5Abc"),
                    List.of("unclassified", "something no gateway wrote"),
                    Arrays.asList(null, null));

            liquibase(database, RollbackCountCommandStep.COMMAND_NAME, RollbackCountCommandStep.COUNT_ARG, 1);

            assertThat(rows(jdbi, "SELECT reason FROM miner_response ORDER BY uid")).extracting(List::getFirst)
                    .startsWith("http_500: Internal Server Error #9f1c", "http_500: Internal Server Error #77ab",
                            "http_302")
                    .contains("refusal: the answer opens with \"I'm sorry\"", "connect_timeout");
        }
    }

    static void logOldRows(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("""
                    INSERT INTO chat_query (id, started_at, k, prefer, sampling_mode, timeout_seconds, outcome,
                                            selected_uid, total_seconds, miners_asked)
                    VALUES ('q', TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00', 12, 'first', 'random', 15,
                            'all_failed', NULL, 15, 12)""");
            for (int uid = 0; uid < OLD_REASONS.size(); uid++) {
                handle.createUpdate("""
                                INSERT INTO miner_response (query_id, uid, started_at, hotkey, protocol, status, reason,
                                                            chunks, characters, chunk_timings, selected)
                                VALUES ('q', :uid, TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00', 'h', 'synapse',
                                        'error', :reason, 0, 0, '[]', FALSE)""")
                        .bind("uid", uid).bind("reason", OLD_REASONS.get(uid)).execute();
            }
        });
    }

    private static List<List<String>> rows(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .map((row, context) -> {
                    int columns = row.getMetaData().getColumnCount();
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(row.getString(i));
                    }
                    return values;
                }).list());
    }

    /** Runs a counted Liquibase command, as `db migrate --count` and `db rollback --count` do. */
    static void liquibase(TestDatabase target, String[] command,
                                  CommandArgumentDefinition<Integer> countArgument, int count) throws Exception {
        try (Connection connection = target.dataSource().getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(ReasonDetailMigrationTest.class.getClassLoader()));
            Scope.child(scope, () -> new CommandScope(command)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, SchemaMigrations.CHANGELOG)
                    .addArgumentValue(countArgument, count)
                    .execute());
        }
    }
}
