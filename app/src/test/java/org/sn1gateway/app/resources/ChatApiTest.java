package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/** Authentication, validation, the JSON variant and /echo, against the running gateway. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChatApiTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"messages\": [\"hello brave new world\"], \"roles\": [\"user\"], \"k\": 2}";

    private static JsonNode body(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    static Stream<Arguments> keyHeaders() {
        return Stream.of(Arguments.of("api_key", API_KEY), Arguments.of("api-key", API_KEY),
                Arguments.of(HttpHeaders.AUTHORIZATION, "Bearer " + API_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyHeaders")
    void acceptsTheKeyInEachHeaderClientsUse(String header, String value) {
        try (Response response = post(APP, "echo", HELLO, Map.of(header, value, "Accept", "application/json"))) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void refusesAWrongOrMissingKeyWith401AndNeverEchoesIt() throws Exception {
        try (Response wrong = post(APP, "chat", HELLO, Map.of("api_key", "guess-" + API_KEY));
             Response missing = post(APP, "chat", HELLO, Map.of())) {
            assertThat(wrong.getStatus()).isEqualTo(401);
            assertThat(wrong.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            String body = wrong.readEntity(String.class);
            assertThat(JSON.readTree(body).get("code").asInt()).isEqualTo(401);
            assertThat(body).doesNotContain("guess");
            assertThat(missing.getStatus()).isEqualTo(401);
        }
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"messages\": [], \"roles\": []}", 422, "messages size must be between 1 and 64"),
                Arguments.of("{\"messages\": [\"a\", \"b\"], \"roles\": [\"user\"]}", 422, "roles must have exactly one entry per message"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"robot\"]}", 422, "must be user, assistant or system"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"k\": 65}", 422, "k must be less than or equal to 64"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"k\": \"many\"}", 422, "k must be an integer"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"timeout\": 0.5}", 422, "timeout must be greater than or equal to 1"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"prefer\": \"best\"}", 422, "prefer must be first, longest, shortest or consensus"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"sampling_mode\": \"all\"}", 422, "sampling_mode must be random, top_incentive, fastest or reliable"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"exclude\": [\"x\"]}", 422, "exclude[0] must be an integer"),
                Arguments.of("{\"messages\": [\"  \"], \"roles\": [\"user\"]}", 422, "messages must not all be empty"),
                Arguments.of("{\"messages\": [\"a\"", 400, "Unable to process JSON"),
                Arguments.of("not json", 400, "Unable to process JSON"),
                Arguments.of("{\"messages\": [\"" + "a".repeat(70_000) + "\"], \"roles\": [\"user\"]}", 413, "larger than"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("invalidBodies")
    void refusesInvalidInputNamingTheProblemWithoutAskingAnyMiner(String body, int status, String message)
            throws Exception {
        long asked = GatewayFixture.minerRequestsReceived(APP);

        try (Response response = post(APP, "chat", body, Map.of("api_key", API_KEY))) {
            assertThat(response.getStatus()).isEqualTo(status);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
            assertThat(response.readEntity(String.class)).contains(message);
        }
        assertThat(GatewayFixture.minerRequestsReceived(APP)).isEqualTo(asked);
    }

    @Test
    void stringsHoldingIntegersAreAcceptedAsUids() throws Exception {
        String body = "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [\"0\", \"7\"], \"exclude\": [\"7\"]}";

        try (Response response = post(APP, "chat", body, Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode summary = body(response);
            assertThat(summary.get("uid").asInt()).isZero();
            assertThat(summary.get("miners")).hasSize(1);
        }
    }

    @Test
    void withAcceptJsonTheSummaryComesOnceOrAnErrorWithItsStatus() throws Exception {
        try (Response ok = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0]}",
                Map.of("api_key", API_KEY, "Accept", "application/json"));
             Response failed = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [4]}",
                     Map.of("api_key", API_KEY, "Accept", "application/json"));
             Response none = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [8]}",
                     Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(body(ok).get("completion").asText()).isNotBlank();
            assertThat(failed.getStatus()).isEqualTo(502);
            assertThat(body(failed).get("message").asText()).startsWith("All miners failed");
            assertThat(none.getStatus()).isEqualTo(503);
        }
    }

    @Test
    void minersJoinsTheMetagraphWithWhatTheQueryLogObserved() throws Exception {
        try (Response chat = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0]}",
                Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(chat.getStatus()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                GatewayFixture.rows(APP, "SELECT uid FROM miner_response WHERE uid = 0 AND :id = :id", "-").size() > 0);

        JsonNode miners = JSON.readTree(target(APP, "miners").request().header("api_key", API_KEY).get(String.class));
        String csv = target(APP, "miners").queryParam("format", "csv").request().header("api_key", API_KEY)
                .get(String.class);

        assertThat(miners).hasSize(9);
        JsonNode fast = miners.get(0);
        assertThat(fast.get("uid").asInt()).isZero();
        assertThat(fast.get("queries").asInt()).isPositive();
        assertThat(fast.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(fast.get("ttfc_p50").asDouble()).isPositive();
        assertThat(fast.get("available").asBoolean()).isTrue();
        assertThat(miners.get(8).get("available").asBoolean()).as("the validator").isFalse();
        assertThat(csv).startsWith("uid,hotkey,coldkey,incentive,stake,validator_permit,axon,available,queries")
                .hasLineCount(10);
        try (Response anonymous = target(APP, "miners").request().get()) {
            assertThat(anonymous.getStatus()).isEqualTo(401);
        }

        // One miner's stats are read first: rows still on their way to the log can only add to the later read.
        JsonNode ofOne = JSON.readTree(target(APP, "miners/stats").queryParam("uid", 0).request()
                .header("api_key", API_KEY).get(String.class));
        JsonNode stats = JSON.readTree(target(APP, "miners/stats").queryParam("since", "1h").request()
                .header("api_key", API_KEY).get(String.class));
        assertThat(stats.get("answers").asInt()).isPositive();
        // Of the metagraph, the tests of this class ask only uids 0 and 4 (and validator 8, which is refused).
        assertThat(stats.get("miners").findValuesAsText("uid")).as("the miners heard from").contains("0")
                .isSubsetOf("0", "4");
        assertThat(stats.get("miners").findValues("queries")).allSatisfy(queries ->
                assertThat(queries.asInt()).isPositive());
        assertThat(stats.get("timeline")).hasSize(12);
        assertThat(stats.get("ttfc_histogram").findValuesAsText("answers").stream().mapToInt(Integer::parseInt).sum())
                .as("every answer with a first chunk is in a bar").isPositive();
        assertThat(stats.get("since").asText()).endsWith("Z");
        JsonNode ofNobody = JSON.readTree(target(APP, "miners/stats").queryParam("uid", 4242).request()
                .header("api_key", API_KEY).get(String.class));
        assertThat(ofOne.get("answers").asInt()).isPositive().isLessThanOrEqualTo(stats.get("answers").asInt());
        assertThat(ofNobody.get("answers").asInt()).isZero();
        try (Response badWindow = target(APP, "miners/stats").queryParam("since", "soon").request()
                .header("api_key", API_KEY).get()) {
            assertThat(badWindow.getStatus()).isEqualTo(422);
            assertThat(badWindow.readEntity(String.class)).contains("since must be");
        }
    }

    @Test
    void minersAnswersInTheFormatsItKnowsAndRefusesOthers() throws Exception {
        String upperCase = target(APP, "miners").queryParam("format", "CSV").request().header("api_key", API_KEY)
                .get(String.class);
        JsonNode json = JSON.readTree(target(APP, "miners").queryParam("format", "json").request()
                .header("api_key", API_KEY).get(String.class));

        assertThat(upperCase).startsWith("uid,hotkey,");
        assertThat(json).hasSize(9);
        for (String unknown : new String[] {"xml", "csvx", ""}) {
            try (Response refused = target(APP, "miners").queryParam("format", unknown).request()
                    .header("api_key", API_KEY).get()) {
                assertThat(refused.getStatus()).as(unknown).isEqualTo(400);
                assertThat(body(refused).get("message").asText()).isEqualTo("format must be json or csv");
            }
        }
    }

    @Test
    void namesTheMinerThatAnsweredInTheHeaderAndTheSummary() throws Exception {
        try (Response response = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0]}",
                Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            JsonNode summary = body(response);

            String miner = "miner uid=0 hotkey=" + summary.get("miners").get(0).get("hotkey").asText();
            assertThat(response.getHeaderString("X-Sn1-Answered-By")).isEqualTo(miner);
            assertThat(summary.get("answered_by").asText()).isEqualTo(miner);
        }
        try (Response echo = post(APP, "echo", HELLO, Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(echo.getHeaderString("X-Sn1-Answered-By")).isEqualTo("echo");
        }
    }

    @Test
    void echoStreamsTheMessagesBackWordByWordKTimes() throws Exception {
        List<Event> events = SseChat.open(target(APP, "echo"), HELLO, API_KEY).untilDone(Duration.ofSeconds(10));

        List<String> deltas = events.stream().filter(event -> "chunk".equals(event.name()))
                .map(event -> event.data().get("delta").asText()).toList();
        assertThat(deltas).containsExactly("hello ", "brave ", "new ", "world ", "hello ", "brave ", "new ", "world", "");
        JsonNode summary = events.getLast().data();
        assertThat(summary.get("completion").asText()).isEqualTo("hello brave new world hello brave new world")
                .isEqualTo(String.join("", deltas));
        assertThat(summary.get("uid").asInt()).isZero();
        assertThat(events.stream().filter(event -> "chunk".equals(event.name()))
                .map(event -> event.data().get("selected_uid").asInt()).collect(Collectors.toSet())).containsExactly(0);
    }
}
