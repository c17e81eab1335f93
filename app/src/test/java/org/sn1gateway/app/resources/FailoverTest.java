package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * Failover on the simulated subnet: four miners whose incentives (seed 42) rank them by uid. uid 0 answers
 * HTTP 500, so a chat asking the top-incentive miner ({@code k: 1}) is answered by a second wave, which the
 * summary, both APIs' traces and the query log name; uid 2 breaks off mid-answer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FailoverTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("network.miners", "4"),
            ConfigOverride.config("network.behaviours", "http_error,fast,broken_stream,fast"),
            // Failover alone: no hedge may add a third wave while the second miner starts on a busy machine.
            ConfigOverride.config("chat.hedgeAfter", "10s"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChatWhoseOnlyMinerFailsIsAnsweredByASecondWave() throws Exception {
        List<Event> events = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Why is the sky blue?\"],"
                + " \"roles\": [\"user\"], \"k\": 1, \"sampling_mode\": \"top_incentive\", \"timeout\": 10,"
                + " \"trace\": true}", API_KEY).untilDone(Duration.ofSeconds(30));
        JsonNode summary = events.getLast().data();

        assertThat(events).extracting(Event::name).doesNotContain("error");
        assertThat(summary.get("uid").asInt()).isEqualTo(1);
        assertThat(summary.get("completion").asText()).isNotBlank();
        assertThat(StreamSupport.stream(summary.get("miners").spliterator(), false)
                .map(miner -> tuple(miner.get("uid").asInt(), miner.get("wave").asInt(), miner.get("status").asText())))
                .containsExactly(tuple(0, 1, "error"), tuple(1, 2, "selected"));
        assertThat(events.stream().filter(event -> "miner".equals(event.name())
                && "asked".equals(event.data().get("phase").asText()))
                .map(event -> tuple(event.data().get("uid").asInt(), event.data().get("wave").asInt())))
                .containsExactly(tuple(0, 1), tuple(1, 2));

        String queryId = summary.get("query_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> GatewayFixture.rows(APP,
                "SELECT uid FROM miner_response WHERE query_id = :id", queryId).size() == 2);
        List<Map<String, Object>> rows = GatewayFixture.rows(APP,
                "SELECT uid, wave, status, reason FROM miner_response WHERE query_id = :id ORDER BY wave", queryId);
        assertThat(rows).extracting(row -> row.get("uid"), row -> row.get("wave"), row -> row.get("status"),
                        row -> row.get("reason"))
                .containsExactly(tuple(0, 1, "error", "http_500"), tuple(1, 2, "selected", null));
        assertThat(GatewayFixture.rows(APP, "SELECT outcome FROM chat_query WHERE id = :id", queryId))
                .extracting(row -> row.get("outcome")).containsExactly("delivered");
    }

    @Test
    void theOpenAiTraceNamesTheWaveOfEachMiner() throws Exception {
        HttpResponse<String> response = GatewayFixture.send(GatewayFixture.request(APP, "v1/chat/completions")
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"sn1\", \"stream\": true, \"trace\": true,"
                        + " \"k\": 1, \"sampling_mode\": \"top_incentive\", \"timeout\": 10,"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"Why is the sky blue?\"}]}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> asked = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonNode step = JSON.readTree(line.substring("data: ".length())).path("sn1_miner");
                if ("asked".equals(step.path("phase").asText())) {
                    asked.add(step);
                }
            }
        }
        assertThat(asked).extracting(step -> tuple(step.get("uid").asInt(), step.get("wave").asInt()))
                .containsExactly(tuple(0, 1), tuple(1, 2));
    }

    /** Nothing reaches a client asking for JSON before the end, so a selected miner that breaks off is replaced. */
    @Test
    void aJsonChatWhoseSelectedMinerBreaksOffIsAnsweredByASecondWave() throws Exception {
        HttpResponse<String> response = GatewayFixture.send(GatewayFixture.postJson(APP, "chat",
                "{\"messages\": [\"Why is the sky blue?\"], \"roles\": [\"user\"], \"k\": 1,"
                        + " \"sampling_mode\": \"top_incentive\", \"exclude\": [0, 1], \"timeout\": 10}")
                .header("api_key", API_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("uid").asInt()).isEqualTo(3);
        assertThat(StreamSupport.stream(summary.get("miners").spliterator(), false)
                .map(miner -> tuple(miner.get("uid").asInt(), miner.get("wave").asInt(), miner.get("status").asText())))
                .containsExactly(tuple(2, 1, "error"), tuple(3, 2, "selected"));
        String streamed = StreamSupport.stream(summary.get("streamed_chunks").spliterator(), false)
                .map(JsonNode::asText).reduce("", String::concat);
        assertThat(summary.get("completion").asText()).isNotBlank().isEqualTo(streamed);
    }
}
