package org.sn1gateway.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.postJson;
import static org.sn1gateway.app.support.GatewayFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.persistence.TestDatabase;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.cli.KeysCommand;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * Two gateway instances on one PostgreSQL, as behind a load balancer: both log to it, a key created
 * through one works on the other, and a key's rate limit, token totals and budget hold for both together.
 */
// Extensions end in reverse order: the schema is dropped only after both gateways have stopped.
@ExtendWith({TwoGatewaysOnPostgresTest.DropDatabase.class, DropwizardExtensionsSupport.class})
class TwoGatewaysOnPostgresTest {
    private static final TestDatabase DATABASE = TestDatabase.postgres();
    private static final DropwizardAppExtension<GatewayConfiguration> FIRST = gateway("first.");
    private static final DropwizardAppExtension<GatewayConfiguration> SECOND = gateway("second.");
    private static final String CHAT = "{\"messages\": [\"hello\"], \"roles\": [\"user\"], \"uids\": [0]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    /**
     * Each gateway reads its overrides from system properties of its own prefix: overrides restore the
     * previous value when they end, so two sharing "dw." would leave one behind for later test classes.
     */
    private static DropwizardAppExtension<GatewayConfiguration> gateway(String prefix) {
        return new DropwizardAppExtension<>(GatewayApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), prefix,
                ConfigOverride.config(prefix, "database.driverClass", "org.postgresql.Driver"),
                ConfigOverride.config(prefix, "database.url", DATABASE.url()),
                ConfigOverride.config(prefix, "database.user", TestDatabase.POSTGRES_USER),
                ConfigOverride.config(prefix, "auth.usageFlush", "1 second"));
    }

    static final class DropDatabase implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            DATABASE.close();
        }
    }

    private CommandLine.Result createKey(String... options) throws Exception {
        String[] arguments = new String[options.length + 1];
        arguments[0] = "create";
        System.arraycopy(options, 0, arguments, 1, options.length);
        return keys(arguments);
    }

    private CommandLine.Result keys(String... options) throws Exception {
        Path config = CommandLine.databaseConfig(files, "org.postgresql.Driver", DATABASE.url(),
                TestDatabase.POSTGRES_USER);
        String[] arguments = new String[options.length + 2];
        arguments[0] = "keys";
        System.arraycopy(options, 0, arguments, 1, options.length);
        arguments[arguments.length - 1] = config.toString();
        CommandLine.Result result = CommandLine.run(new KeysCommand(), arguments);
        assertThat(result.succeeded()).as(result.err()).isTrue();
        return result;
    }

    /** Through the JDK's client, which (unlike the test client) never retries a 429 by itself. */
    private static HttpResponse<String> post(DropwizardAppExtension<GatewayConfiguration> gateway, String path,
                                             String key) throws Exception {
        return send(postJson(gateway, path, CHAT).header("api_key", key));
    }

    @Test
    void bothInstancesLogTheirQueriesToTheSharedDatabase() throws Exception {
        String first = post(FIRST, "/chat", API_KEY).body();
        String second = post(SECOND, "/chat", API_KEY).body();
        List<String> ids = List.of(queryId(first), queryId(second));

        Jdbi database = Jdbi.create(DATABASE.dataSource());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> logged = database.withHandle(handle -> handle
                    .createQuery("SELECT id FROM chat_query WHERE id IN (<ids>)").bindList("ids", ids)
                    .mapTo(String.class).list());
            assertThat(logged).containsExactlyInAnyOrderElementsOf(ids);
        });
    }

    @Test
    void aKeyCreatedThroughOneInstanceWorksOnTheOtherAndItsLimitHoldsAcrossBoth() throws Exception {
        String key = createKey("--name", "shared", "--rate-limit", "3").line("key");
        StoredKeysTest.awaitRoomInThisMinute();

        List<Integer> statuses = List.of(post(FIRST, "/echo", key).statusCode(),
                post(SECOND, "/echo", key).statusCode(), post(FIRST, "/echo", key).statusCode(),
                post(SECOND, "/echo", key).statusCode(), post(FIRST, "/echo", key).statusCode());

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
    }

    /**
     * One chat on each gateway: both add to the key's one set of totals, which each then reports, and a budget of
     * exactly what the two spent together, which neither reached alone, then holds the key on both.
     */
    @Test
    void bothInstancesAddToOneKeysTotalsAndHoldItToOneBudget() throws Exception {
        CommandLine.Result created = createKey("--name", "metered");
        String id = created.line("id");
        String key = created.line("key");

        JsonNode first = JSON.readTree(post(FIRST, "/chat", key).body()).get("usage");
        JsonNode second = JSON.readTree(post(SECOND, "/chat", key).body()).get("usage");
        long spent = first.get("total_tokens").asLong() + second.get("total_tokens").asLong();
        long prompts = first.get("prompt_tokens").asLong() + second.get("prompt_tokens").asLong();

        for (DropwizardAppExtension<GatewayConfiguration> gateway : List.of(FIRST, SECOND)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode usage = usage(gateway, key);
                assertThat(usage.get("requests").asLong()).isEqualTo(2);
                assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(prompts);
                assertThat(usage.get("total_tokens").asLong()).isEqualTo(spent);
            });
        }
        keys("update", id, "--token-budget", Long.toString(spent), "--budget-period", "day");

        for (DropwizardAppExtension<GatewayConfiguration> gateway : List.of(FIRST, SECOND)) {
            HttpResponse<String> refused = await().atMost(Duration.ofSeconds(15))
                    .until(() -> post(gateway, "/chat", key), response -> response.statusCode() == 429);
            assertThat(JSON.readTree(refused.body()).get("details").asText()).isEqualTo("insufficient_quota");
            assertThat(usage(gateway, key).get("tokens_left").asLong()).isZero();
        }
    }

    private static JsonNode usage(DropwizardAppExtension<GatewayConfiguration> gateway, String key) throws Exception {
        HttpResponse<String> response = send(GatewayFixture.request(gateway, "v1/usage").header("api_key", key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String queryId(String summary) throws Exception {
        return new ObjectMapper().readTree(summary).get("query_id").asText();
    }
}
