package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * Hundreds of streams at once, some of whose clients vanish after the first chunk: every remaining stream
 * is whole and in order, every query is logged, and the gateway ends healthy with no stream left open.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentStreamsTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            // The clients, the gateway and the miners share two cores here: a burst of 480 miner connects
            // can take longer than the default 2 s to be seen through, which is not what this test is about.
            ConfigOverride.config("network.connectTimeout", "15 seconds"),
            ConfigOverride.config("queryLog.storeText", "true"));
    private static final int STREAMS = 200;
    private static final int VANISHING = 40;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The extension's own client gives up on a read after 5 s, which two cores under this load may exceed.
     * Apache's connector, because the JDK's URL connection silently sends a POST again when a kept-alive
     * connection fails.
     */
    private static final Client CLIENT = ClientBuilder.newBuilder()
            .withConfig(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
            .readTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).build();

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @Test
    void everyStreamIsWholeWhileOthersComeAndGo() throws Exception {
        List<Future<List<Event>>> streams = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < STREAMS + VANISHING; i++) {
                // A patient chat timeout: on two busy cores a miner's stream can stall for seconds, which is
                // not what this test is about.
                String body = "{\"messages\": [\"Tell me about river number " + i + "\"], \"roles\": [\"user\"], "
                        + "\"uids\": [0, 7], \"timeout\": 60}";
                boolean vanishes = i % ((STREAMS + VANISHING) / VANISHING) == 0;
                streams.add(clients.submit(() -> vanishes ? vanishAfterFirstChunk(body) : wholeStream(body)));
            }
        }

        int whole = 0;
        for (Future<List<Event>> stream : streams) {
            List<Event> events = stream.get();
            if (events.getLast().name().equals("done")) {
                assertWhole(events);
                whole++;
            }
        }
        assertThat(whole).isEqualTo(STREAMS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(chatsLogged()).isEqualTo(STREAMS + VANISHING));
        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("/gauges/sn1.streams.open/value")).isZero());
        JsonNode health = adminJson("/healthcheck");
        assertThat(health.properties()).allSatisfy(check ->
                assertThat(check.getValue().get("healthy").asBoolean()).as(check.getKey()).isTrue());
    }

    private static List<Event> wholeStream(String body) throws Exception {
        return SseChat.open(chatTarget(), body, API_KEY).untilDone(WAIT);
    }

    private static List<Event> vanishAfterFirstChunk(String body) throws Exception {
        try (SseChat chat = SseChat.open(chatTarget(), body, API_KEY)) {
            return List.of(chat.next(WAIT));
        }
    }

    private static WebTarget chatTarget() {
        return CLIENT.target("http://127.0.0.1:" + APP.getLocalPort()).path("chat");
    }

    private static void assertWhole(List<Event> events) {
        List<Event> chunks = events.stream().filter(event -> "chunk".equals(event.name())).toList();
        assertThat(events).noneMatch(event -> "error".equals(event.name()));
        assertThat(chunks).isNotEmpty();
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).data().get("sequence_number").asInt()).isEqualTo(i + 1);
        }
        String deltas = chunks.stream().map(chunk -> chunk.data().get("delta").asText()).collect(Collectors.joining());
        JsonNode summary = events.getLast().data();
        assertThat(summary.get("completion").asText()).isEqualTo(deltas).isNotBlank();
        assertThat(chunks.getLast().data().get("finish_reason").asText()).isEqualTo("finished");
    }

    /**
     * Distinct chats in the log. Each prompt is unique; Jersey's event source may send a chat again when
     * its connection breaks under this load, and the gateway rightly logs both.
     */
    private static long chatsLogged() {
        return GatewayFixture.database(APP).withHandle(handle ->
                handle.createQuery("SELECT COUNT(DISTINCT prompt) FROM chat_query").mapTo(Long.class).one());
    }

    private static long metric(String pointer) throws Exception {
        return adminJson("/metrics").at(pointer).asLong();
    }

    private static JsonNode adminJson(String path) throws Exception {
        String text = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + path).request().get(String.class);
        return JSON.readTree(text);
    }
}
