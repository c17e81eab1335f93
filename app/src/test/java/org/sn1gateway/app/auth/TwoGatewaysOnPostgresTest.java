package org.sn1gateway.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.postJson;
import static org.sn1gateway.app.support.GatewayFixture.send;

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

/**
 * Two gateway instances on one PostgreSQL, as behind a load balancer: both log to it, a key created
 * through one works on the other, and a key's rate limit holds for both together.
 */
// Extensions end in reverse order: the schema is dropped only after both gateways have stopped.
@ExtendWith({TwoGatewaysOnPostgresTest.DropDatabase.class, DropwizardExtensionsSupport.class})
class TwoGatewaysOnPostgresTest {
    private static final TestDatabase DATABASE = TestDatabase.postgres();
    private static final DropwizardAppExtension<GatewayConfiguration> FIRST = gateway("first.");
    private static final DropwizardAppExtension<GatewayConfiguration> SECOND = gateway("second.");
    private static final String CHAT = "{\"messages\": [\"hello\"], \"roles\": [\"user\"], \"uids\": [0]}";

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
                ConfigOverride.config(prefix, "database.user", TestDatabase.POSTGRES_USER));
    }

    static final class DropDatabase implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            DATABASE.close();
        }
    }

    private CommandLine.Result createKey(String... options) throws Exception {
        Path config = CommandLine.databaseConfig(files, "org.postgresql.Driver", DATABASE.url(),
                TestDatabase.POSTGRES_USER);
        String[] arguments = new String[options.length + 3];
        arguments[0] = "keys";
        arguments[1] = "create";
        System.arraycopy(options, 0, arguments, 2, options.length);
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

    private static String queryId(String summary) throws Exception {
        return new ObjectMapper().readTree(summary).get("query_id").asText();
    }
}
