package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;

/**
 * Stopping the gateway while a slow answer streams: the stream is let finish, new requests are refused,
 * and the query is in the log once the gateway has stopped.
 */
class GracefulShutdownTest {
    private static final String DATABASE = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void anOpenStreamFinishesAndIsLoggedWhileTheGatewayStops() throws Exception {
        DropwizardTestSupport<GatewayConfiguration> gateway = new DropwizardTestSupport<>(GatewayApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), "graceful.",
                ConfigOverride.config("graceful.", "database.url", DATABASE),
                ConfigOverride.config("graceful.", "server.shutdownGracePeriod", "20 seconds"));
        gateway.before();
        URI chat = URI.create("http://127.0.0.1:" + gateway.getLocalPort() + "/chat");
        HttpResponse<java.io.InputStream> stream;
        try (HttpClient client = HttpClient.newHttpClient()) {
            // uid 1 is slow: a second or so before its first word, then a word every 30-70 ms.
            stream = client.send(HttpRequest.newBuilder(chat).header("api_key", API_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"messages\": [\"Tell me about validators\"], \"roles\": [\"user\"], \"uids\": [1]}"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::after);
            List<String> lines = events.lines().collect(Collectors.toList());
            stopped.get(30, TimeUnit.SECONDS);

            assertThat(lines).contains("event: done");
            assertThat(lines.stream().filter(line -> line.equals("event: chunk")).count()).isGreaterThan(3);
            assertThat(lines).doesNotContain("event: error");
        }
        String queryId = Jdbi.create(DATABASE, "sa", "").withHandle(handle -> handle
                .createQuery("SELECT id FROM chat_query WHERE selected_uid = 1").mapTo(String.class).findOne())
                .orElse(null);
        assertThat(queryId).as("the query was logged before the gateway stopped").isNotNull();
    }
}
