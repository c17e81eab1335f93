package org.sn1gateway.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;

/** Miner timings and outcomes in the admin port's metrics, as JSON and in Prometheus' text format. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    private static String admin(String path) {
        return APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + path).request().get(String.class);
    }

    @Test
    void everyMinerAskedIsTimedAndCountedByOutcome() throws Exception {
        // uid 0 answers fast, uid 2 sends nothing: both end in the metrics, with different outcomes.
        try (Response chat = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0, 2], "
                + "\"k\": 2, \"prefer\": \"longest\"}", Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(chat.getStatus()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode metrics = new ObjectMapper().readTree(admin("/metrics"));
            assertThat(metrics.at("/timers/sn1.miner.0.time_to_first_chunk/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/timers/sn1.miner.0.total_time/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/counters/sn1.miner.0.outcome.selected/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/counters/sn1.miner.2.outcome.empty/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/timers").toString()).contains("chat-json");
            assertThat(metrics.at("/gauges/sn1.query-log.written/value").asLong()).isPositive();
            assertThat(metrics.at("/gauges/sn1.query-log.dropped/value").asLong()).isZero();
        });
        String prometheus = admin(PrometheusEndpoint.PATH);
        assertThat(prometheus)
                .containsPattern("(?m)^sn1_miner_time_to_first_chunk_seconds_count\\{uid=\"0\"} 1$")
                .containsPattern("(?m)^sn1_miner_total_time_seconds_bucket\\{uid=\"2\",le=\"\\+Inf\"} 1$")
                .containsPattern("(?m)^sn1_miner_outcomes_total\\{outcome=\"selected\",uid=\"0\"} 1")
                .containsPattern("(?m)^sn1_miner_outcomes_total\\{outcome=\"empty\",uid=\"2\"} 1")
                // Other tests of this class chat too.
                .containsPattern("(?m)^org_sn1gateway_app_resources_ChatResource_chat_json_count [1-9]\\d*$")
                .doesNotContain("sn1_miner_0_");
    }

    /** Dropwizard names an executor's metrics after its thread name format: a {@code %d} there ends up in them. */
    @Test
    void everyMetricHasAPlainName() {
        Set<String> names = APP.getEnvironment().metrics().getNames();

        assertThat(names).noneMatch(name -> name.contains("%"))
                .contains("housekeeping.running", "key-usage.running", "query-deadline.running");
    }

    /**
     * The resource methods return as soon as the chat starts; the timers run on to the end of the answer.
     * uid 1 is slow (a second or more to its first chunk, then a slow stream), so that a timer stopped
     * early would be far below the chat's own measure.
     */
    @Test
    void theChatTimersCoverWholeChats() throws Exception {
        String slow = "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [1]}";

        List<SseChat.Event> events = SseChat.open(GatewayFixture.target(APP, "chat"), slow, API_KEY)
                .untilDone(Duration.ofSeconds(30));
        assertThat(recordedSeconds("ChatResource.chat-stream", 1))
                .allSatisfy(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(timing(events.getLast().data())));

        // The JDK's client: the test client would give up on so slow an answer.
        HttpResponse<String> once = GatewayFixture.send(GatewayFixture.postJson(APP, "chat", slow)
                .header("api_key", API_KEY));
        double timing = timing(new ObjectMapper().readTree(once.body()));
        assertThat(recordedSeconds("ChatResource.chat-json", 1)).anySatisfy(seconds ->
                assertThat(seconds).isGreaterThanOrEqualTo(timing));
    }

    /** The OpenAI answers hold no timing: the query log's is compared, streamed and not. */
    @Test
    void theOpenAiTimerCoversWholeChats() throws Exception {
        String slow = "{\"model\": \"sn1\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
                + "\"uids\": [1], \"stream\": ";
        HttpResponse<String> streamed = GatewayFixture.send(GatewayFixture.request(APP, "v1/chat/completions")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(slow + "true}")));
        HttpResponse<String> once = GatewayFixture.send(GatewayFixture.request(APP, "v1/chat/completions")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(slow + "false}")));
        assertThat(streamed.body()).contains("[DONE]");
        assertThat(once.statusCode()).isEqualTo(200);

        // The log measures from the query's own start to its last miner's end, which may fall a millisecond
        // or so after the answer was written; a timer stopped when the stream opened would be seconds short.
        double shortest = Math.min(loggedSeconds(streamed.body()), loggedSeconds(once.body()));
        assertThat(recordedSeconds("OpenAiResource.openai-chat-completions", 2))
                .allSatisfy(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(shortest * 0.9));
    }

    private static double timing(JsonNode summary) {
        return summary.get("timing").asDouble();
    }

    /** The chat's duration as the query log holds it, found by the {@code chatcmpl-<query id>} in its answer. */
    private static double loggedSeconds(String answer) {
        Matcher id = Pattern.compile("chatcmpl-([0-9a-f-]{36})").matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        String sql = "SELECT total_seconds FROM chat_query WHERE id = :id";
        await().atMost(Duration.ofSeconds(10)).until(() -> !GatewayFixture.rows(APP, sql, id.group(1)).isEmpty());
        return ((Number) GatewayFixture.rows(APP, sql, id.group(1)).getFirst().get("total_seconds")).doubleValue();
    }

    /**
     * The durations a resource's timer recorded, in seconds, once it holds {@code count}: a timer stops
     * after the client has its answer.
     */
    private static List<Double> recordedSeconds(String name, int count) {
        Timer timer = APP.getEnvironment().metrics().timer("org.sn1gateway.app.resources." + name);
        await().atMost(Duration.ofSeconds(10)).until(() -> timer.getCount() >= count);
        return Arrays.stream(timer.getSnapshot().getValues()).mapToObj(nanos -> nanos / 1e9).toList();
    }
}
