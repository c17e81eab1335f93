package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/** {@code "trace": true}: each miner's steps among the answer's events, on both chat APIs; nothing without it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TraceTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Event> chat(String trace) throws Exception {
        // uid 0 answers, uid 2 sends nothing; longest waits for both.
        return SseChat.open(target(APP, "chat"), "{\"messages\": [\"Hello there\"], \"roles\": [\"user\"], "
                + "\"uids\": [0, 2], \"k\": 2, \"prefer\": \"longest\"" + trace + "}", API_KEY).untilDone(WAIT);
    }

    @Test
    void aTracedChatCarriesEachMinersStepsBeforeTheStreamEnds() throws Exception {
        List<Event> events = chat(", \"trace\": true");

        List<String> steps = events.stream().filter(event -> "miner".equals(event.name()))
                .map(event -> event.data().get("phase").asText() + ":" + event.data().get("uid").asInt() + ":"
                        + event.data().get("status").asText()).toList();
        assertThat(steps).contains("asked:0:pending", "asked:2:pending", "first_chunk:0:pending", "ended:0:ok",
                "ended:2:empty");
        int lastMiner = -1;
        for (int i = 0; i < events.size(); i++) {
            if ("miner".equals(events.get(i).name())) {
                lastMiner = i;
            }
        }
        assertThat(lastMiner).as("every miner event comes before the delivered chunks")
                .isLessThan(events.indexOf(events.stream().filter(e -> "chunk".equals(e.name())).findFirst().orElseThrow()));
        Event ended = events.stream().filter(event -> "miner".equals(event.name())
                && event.data().get("phase").asText().equals("ended") && event.data().get("uid").asInt() == 0)
                .findFirst().orElseThrow();
        assertThat(ended.data().get("text").asText()).isEqualTo(events.getLast().data().get("completion").asText());
        assertThat(ended.data().get("time_to_first_chunk").asDouble()).isPositive();
        assertThat(events.getLast().data().get("selected_by").asText()).isEqualTo("longest");
    }

    @Test
    void withoutTraceNothingChanges() throws Exception {
        assertThat(chat("")).extracting(Event::name).doesNotContain("miner");
    }

    /**
     * On /v1 a step is a chunk like any other to an OpenAI client: one choice with an empty delta, the
     * stream's id, created and model, and the step in its {@code sn1_miner} extension.
     */
    @Test
    void everyOpenAiTraceChunkIsAChunkWithOneEmptyChoice() throws Exception {
        HttpResponse<String> response = GatewayFixture.send(GatewayFixture.request(APP, "v1/chat/completions")
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"sn1\", \"stream\": true, \"trace\": true, "
                        + "\"uids\": [0], \"k\": 1, \"messages\": [{\"role\": \"user\", \"content\": \"Hello there\"}]}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring("data: ".length())));
            }
        }
        assertThat(chunks).extracting(chunk -> chunk.get("object").asText()).containsOnly("chat.completion.chunk");
        List<JsonNode> steps = chunks.stream().filter(chunk -> chunk.has("sn1_miner")).toList();
        assertThat(steps).extracting(step -> step.at("/sn1_miner/phase").asText() + ":" + step.at("/sn1_miner/uid").asInt())
                .contains("asked:0", "first_chunk:0", "ended:0");
        JsonNode first = chunks.getFirst();
        for (JsonNode step : steps) {
            assertThat(step.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(List.of(step.get("id"), step.get("created"), step.get("model")))
                    .isEqualTo(List.of(first.get("id"), first.get("created"), first.get("model")));
            assertThat(step.get("choices")).singleElement().satisfies(choice -> {
                assertThat(choice.get("index").asInt()).isZero();
                assertThat(choice.get("delta")).isEqualTo(JSON.createObjectNode());
                assertThat(choice.get("finish_reason").isNull()).isTrue();
            });
        }
    }
}
