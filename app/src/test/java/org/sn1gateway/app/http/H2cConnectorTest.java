package org.sn1gateway.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.cli.LoadtestCommand;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.app.support.GatewayFixture;

/** The h2c connector: many chat streams on one HTTP/2 connection, and HTTP/1.1 clients served as before. */
@ExtendWith(DropwizardExtensionsSupport.class)
class H2cConnectorTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("server.applicationConnectors[0].type", "h2c"),
            ConfigOverride.config("server.applicationConnectors[0].maxConcurrentStreams", "64"));
    private static final String CHAT = "{\"messages\": [\"one two three four\"], \"roles\": [\"user\"]}";

    @Test
    void carriesConcurrentStreamsOnOneConnection() throws Exception {
        AtomicInteger opened = countConnections();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<Void> upgrade = client.send(GatewayFixture.request(APP, "/echo").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(upgrade.version()).isEqualTo(HttpClient.Version.HTTP_2);

            List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                streams.add(client.sendAsync(GatewayFixture.request(APP, "/echo")
                        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + API_KEY).POST(HttpRequest.BodyPublishers.ofString(CHAT))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> stream : streams) {
                HttpResponse<String> response = stream.join();
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("event: chunk").contains("event: done");
            }
        }
        assertThat(opened.get()).isEqualTo(1);
    }

    @Test
    void stillServesHttp11() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(GatewayFixture.postJson(APP, "/echo", CHAT)
                    .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void loadtestCarriesItsStreamsOnHttp2() throws Exception {
        AtomicInteger opened = countConnections();
        CommandLine.Result result = CommandLine.run(new LoadtestCommand(), "loadtest",
                "--url=http://127.0.0.1:" + APP.getLocalPort(), "--api-key=" + API_KEY, "--format=json",
                "--path=/echo", "--prompt=one two three four", "--requests=12", "--concurrency=6", "--http2");

        assertThat(result.succeeded()).as(result.err()).isTrue();
        JsonNode report = new ObjectMapper().readTree(result.out().substring(result.out().indexOf("{\n")));
        assertThat(report.get("succeeded").asInt()).isEqualTo(12);
        assertThat(opened.get()).isEqualTo(1);
    }

    /** Connections the application connector opens from now on. */
    private static AtomicInteger countConnections() {
        AtomicInteger opened = new AtomicInteger();
        ServerConnector connector = Arrays.stream(APP.getEnvironment().getApplicationContext().getServer()
                        .getConnectors()).map(ServerConnector.class::cast)
                .filter(candidate -> candidate.getLocalPort() == APP.getLocalPort()).findFirst().orElseThrow();
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection instanceof org.eclipse.jetty.server.internal.HttpConnection) {
                    opened.incrementAndGet();
                }
            }
        });
        return opened;
    }
}
