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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;

/**
 * A client that stops reading while a long answer streams to it is cut off once the gateway's writes to it
 * have been blocked for the connector's idle timeout; other clients are served meanwhile.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowReaderTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("slow-readers.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));

    private static long clientsGone() throws Exception {
        String metrics = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/metrics").request()
                .get(String.class);
        return new ObjectMapper().readTree(metrics).at("/gauges/sn1.streams.clients-gone/value").asLong();
    }

    /** Reads what the kernel still holds; true at the end of the stream or a reset, never blocking long. */
    private static boolean drainToEnd(InputStream in) {
        byte[] buffer = new byte[65_536];
        try {
            while (in.read(buffer) >= 0) {
                // what was sent before the cut
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (IOException timeout) {
            return false;
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndOthersAreServed() throws Exception {
        String body = "{\"messages\": [\"Go on\"], \"roles\": [\"user\"], \"uids\": [1], \"timeout\": 60}";
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(new InetSocketAddress("127.0.0.1", APP.getLocalPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("POST /chat HTTP/1.1\r\nHost: 127.0.0.1\r\napi_key: " + API_KEY
                    + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Nothing is read from here on.

            try (Response other = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0]}",
                    Map.of("api_key", API_KEY, "Accept", "application/json"))) {
                assertThat(other.getStatus()).as("another client is served meanwhile").isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> clientsGone() == 1);
            stalled.setSoTimeout(10_000);
            try (InputStream in = stalled.getInputStream()) {
                assertThat(drainToEnd(in)).as("the gateway closed the connection").isTrue();
            }
        }
        assertThat(clientsGone()).as("only the stalled client").isEqualTo(1);
    }
}
