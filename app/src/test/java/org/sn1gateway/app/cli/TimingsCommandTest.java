package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.persistence.JdbiQueryLog;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Role;

/** timings on a query log with an old and a recent query: JSON with api.md's fields, --since honoured. */
class TimingsCommandTest {
    @TempDir
    Path files;

    private static QueryRecord record(Instant at, int uid, long ttfcMillis) {
        MinerResponse response = new MinerResponse(uid, "hotkey", MinerStatus.SELECTED, null, Duration.ofMillis(ttfcMillis),
                Duration.ofMillis(2_000), List.of(Duration.ofMillis(ttfcMillis)), 100, true, "");
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "Hi")), MinerSelection.random(1),
                Preference.FIRST, Duration.ofSeconds(15));
        return new QueryRecord(UUID.randomUUID(), at, query, QueryOutcome.DELIVERED, uid, Duration.ofSeconds(2),
                List.of(response));
    }

    private JsonNode timings(Path config, String... options) throws Exception {
        String[] arguments = new String[options.length + 3];
        arguments[0] = "timings";
        System.arraycopy(options, 0, arguments, 1, options.length);
        arguments[options.length + 1] = "--format=json";
        arguments[options.length + 2] = config.toString();
        CommandLine.Result result = CommandLine.run(new TimingsCommand(), arguments);
        assertThat(result.succeeded()).as(result.err()).isTrue();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void reportsPerMinerStatisticsInTheDocumentedFieldsAndHonoursSince() throws Exception {
        String url = "jdbc:h2:mem:timings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        SchemaMigrations.apply(h2);
        new JdbiQueryLog(Jdbi.create(h2), uid -> "synapse", false).write(List.of(
                record(Instant.now().minus(Duration.ofDays(3)), 4, 900), record(Instant.now(), 7, 120)));
        Path config = CommandLine.databaseConfig(files, "org.h2.Driver", url, "");

        JsonNode all = timings(config);
        JsonNode recent = timings(config, "--since", "1h");

        assertThat(all).hasSize(2);
        assertThat(recent).singleElement().satisfies(row -> {
            assertThat(row.get("uid").asInt()).isEqualTo(7);
            assertThat(row.get("queries").asInt()).isEqualTo(1);
            assertThat(row.get("success_rate").asDouble()).isEqualTo(1.0);
            assertThat(row.get("ttfc_p50").asDouble()).isEqualTo(0.12);
            assertThat(row.get("total_p95").asDouble()).isEqualTo(2.0);
            assertThat(row.get("chars_per_second").asDouble()).isEqualTo(50.0);
            assertThat(Set.copyOf(iterable(row))).containsExactlyInAnyOrder("uid", "queries", "success_rate", "ttfc_p50",
                    "ttfc_p95", "total_p50", "total_p95", "chars_per_second");
        });
    }

    private static List<String> iterable(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
