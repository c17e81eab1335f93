package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;

/**
 * The database goes away in the middle of chats and comes back: chats go on, the health check says what
 * is wrong, and once it is back every query of the outage is in the log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageTest {
    private static final Path FILES = directory();
    private static final int PORT = freePort();
    private static Server database = start();
    private static final String URL = "jdbc:h2:tcp://127.0.0.1:" + PORT + "/outage";
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", URL),
            ConfigOverride.config("database.checkConnectionOnBorrow", "true"),
            ConfigOverride.config("database.validationInterval", "1 second"));
    private static final String CHAT = "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0]}";

    private static Path directory() {
        try {
            return Files.createTempDirectory("outage");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Server start() {
        try {
            return Server.createTcpServer("-tcpPort", Integer.toString(PORT), "-baseDir", FILES.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    private static String chat() throws Exception {
        try (Response response = post(APP, "chat", CHAT, Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(response.getStatus()).as("chats go on").isEqualTo(200);
            return new ObjectMapper().readTree(response.readEntity(String.class)).get("query_id").asText();
        }
    }

    private static int healthStatus() {
        try (Response health = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")
                .request().get()) {
            return health.getStatus();
        }
    }

    @Test
    void chatsGoOnWhileTheDatabaseIsDownAndEveryRowIsWrittenWhenItReturns() throws Exception {
        List<String> queries = new ArrayList<>(List.of(chat()));

        database.stop();
        for (int i = 0; i < 3; i++) {
            queries.add(chat());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> healthStatus() == 500);
        database = start();
        queries.add(chat());

        Jdbi observer = Jdbi.create(URL, "sa", "");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> logged = observer.withHandle(handle -> handle
                    .createQuery("SELECT id FROM chat_query WHERE id IN (<ids>)").bindList("ids", queries)
                    .mapTo(String.class).list());
            assertThat(logged).containsExactlyInAnyOrderElementsOf(queries);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> healthStatus() == 200);
    }
}
