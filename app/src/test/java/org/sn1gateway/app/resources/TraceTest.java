package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    @Test
    void theOpenAiStreamCarriesTheStepsAsItsOwnObjects() throws Exception {
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
                            + "/v1/chat/completions")).header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\": \"sn1\", \"stream\": true, \"trace\": true, \"uids\": [0], \"k\": 1, "
                                    + "\"messages\": [{\"role\": \"user\", \"content\": \"Hello there\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"object\":\"sn1.miner\",\"uid\":0,").contains("\"phase\":\"asked\"")
                .contains("\"phase\":\"ended\"").endsWith("data: [DONE]\n\n");
    }
}
