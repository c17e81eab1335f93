package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.rows;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * /chat end to end: the real server, the simulated subnet's axons over loopback HTTP, the H2 query log,
 * and Jersey's SSE client. Uids: 0 fast, 1 slow, 2 empty, 3 refusal, 4 HTTP error, 5 hanging,
 * 6 broken stream, 7 fast, 8 the validator.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChatStreamTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static List<Event> chat(String body) throws Exception {
        return SseChat.open(target(APP, "chat"), body, API_KEY).untilDone(WAIT);
    }

    private static List<Event> named(List<Event> events, String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    private static Map<Integer, JsonNode> minersByUid(JsonNode summary) {
        return StreamSupport.stream(summary.get("miners").spliterator(), false)
                .collect(Collectors.toMap(miner -> miner.get("uid").asInt(), Function.identity()));
    }

    private static List<Map<String, Object>> awaitResponses(String queryId, int count) {
        return await().atMost(WAIT).until(
                () -> rows(APP, "SELECT * FROM miner_response WHERE query_id = :id ORDER BY uid", queryId),
                found -> found.size() == count);
    }

    @Test
    void streamsChunksInSequenceThenASummaryWhoseCompletionIsTheDeltas() throws Exception {
        List<Event> events = chat("{\"messages\": [\"Tell me about volcanoes in Iceland\"], \"roles\": [\"user\"],"
                + " \"uids\": [0]}");

        List<Event> chunks = named(events, "chunk");
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(named(events, "error")).isEmpty();
        assertThat(chunks).hasSizeGreaterThan(10);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).id()).isEqualTo(Integer.toString(i + 1));
            assertThat(chunks.get(i).data().get("sequence_number").asInt()).isEqualTo(i + 1);
            assertThat(chunks.get(i).data().get("selected_uid").asInt()).isZero();
        }
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allMatch(chunk -> chunk.data().get("finish_reason").isNull());
        assertThat(chunks.getLast().data().get("finish_reason").asText()).isEqualTo("finished");
        String deltas = chunks.stream().map(chunk -> chunk.data().get("delta").asText()).collect(Collectors.joining());
        JsonNode summary = events.getLast().data();
        assertThat(summary.get("completion").asText()).isEqualTo(deltas).containsIgnoringCase("volcanoes");
        assertThat(summary.get("uid").asInt()).isZero();
        assertThat(summary.get("streamed_chunks")).isEqualTo(chunks.getLast().data().get("accumulated_chunks"));
        assertThat(minersByUid(summary).get(0).get("status").asText()).isEqualTo("selected");

        Map<String, Object> logged = awaitResponses(summary.get("query_id").asText(), 1).getFirst();
        assertThat(logged).containsEntry("uid", 0).containsEntry("status", "selected").containsEntry("selected", true)
                .containsEntry("chunks", chunks.size() - 1);
        assertThat(((Number) logged.get("ttfc_seconds")).doubleValue()).isPositive()
                .isLessThan(((Number) logged.get("total_seconds")).doubleValue());
    }

    @Test
    void aMixOfFailingMinersStillStreamsAWorkingMinersAnswerAndLogsEveryOne() throws Exception {
        List<Event> events = chat("{\"messages\": [\"How do bees make honey?\"], \"roles\": [\"user\"], \"k\": 8,"
                + " \"timeout\": 3}");

        assertThat(named(events, "error")).isEmpty();
        JsonNode summary = events.getLast().data();
        assertThat(summary.get("uid").asInt()).isIn(0, 1, 7);
        assertThat(summary.get("completion").asText()).containsIgnoringCase("bees");
        Map<Integer, JsonNode> miners = minersByUid(summary);
        assertThat(miners).hasSize(8);
        assertThat(miners.get(2).get("status").asText()).isEqualTo("empty");
        assertThat(miners.get(3).get("status").asText()).isEqualTo("filtered");
        assertThat(miners.get(3).get("reason").asText()).startsWith("refusal");
        assertThat(miners.get(4).get("status").asText()).isEqualTo("error");
        assertThat(miners.get(5).get("status").asText()).isEqualTo("pending");

        Map<Integer, String> logged = awaitResponses(summary.get("query_id").asText(), 8).stream()
                .collect(Collectors.toMap(row -> (Integer) row.get("uid"), row -> (String) row.get("status")));
        assertThat(logged).containsEntry(2, "empty").containsEntry(3, "filtered").containsEntry(4, "error")
                .containsEntry(5, "timeout").containsEntry(6, "error")
                .containsEntry(summary.get("uid").asInt(), "selected");
        assertThat(rows(APP, "SELECT outcome FROM chat_query WHERE id = :id", summary.get("query_id").asText()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("outcome", "delivered"));
    }

    @Test
    void whenEveryMinerFailsTheStreamCarriesAnErrorEventThenDone() throws Exception {
        List<Event> events = chat("{\"messages\": [\"Hello\"], \"roles\": [\"user\"], \"uids\": [4, 5],"
                + " \"timeout\": 2}");

        assertThat(events).extracting(Event::name).containsExactly("error", "done");
        JsonNode error = events.getFirst().data();
        assertThat(error.get("error").asText()).startsWith("All miners failed or timed out");
        assertThat(error.get("finish_reason").asText()).isEqualTo("error");
        assertThat(error.get("timestamp").asText()).endsWith("Z");
        assertThat(events.getLast().data().get("uid").isNull()).isTrue();
    }

    @Test
    void whenEveryAnswerIsUnusableTheErrorSaysTheyWereFiltered() throws Exception {
        List<Event> events = chat("{\"messages\": [\"Hello\"], \"roles\": [\"user\"], \"uids\": [2, 3]}");

        assertThat(events).extracting(Event::name).containsExactly("error", "done");
        assertThat(events.getFirst().data().get("error").asText()).startsWith("Every answer was filtered out");
    }

    @Test
    void askingOnlyForTheValidatorFindsNoMinerAvailable() throws Exception {
        List<Event> events = chat("{\"messages\": [\"Hello\"], \"roles\": [\"user\"], \"uids\": [8]}");

        assertThat(events.getFirst().data().get("error").asText()).startsWith("No miner available");
        JsonNode miners = new ObjectMapper().readTree(target(APP, "miners").request().header("api_key", API_KEY)
                .get(String.class));
        assertThat(miners.get(8).get("validator_permit").asBoolean()).as("uid 8 is the validator").isTrue();
    }

    @Test
    void aClientThatLeavesMidStreamCancelsTheMinerCallsAndTheQueryIsStillLogged() throws Exception {
        long abandonedBefore = GatewayFixture.minerStreamsAbandoned(APP);
        SseChat chat = SseChat.open(target(APP, "chat"),
                "{\"messages\": [\"Describe a long journey\"], \"roles\": [\"user\"], \"uids\": [1]}", API_KEY);
        assertThat(chat.next(WAIT).name()).isEqualTo("chunk");

        chat.close();

        await().atMost(WAIT).until(() -> GatewayFixture.minerStreamsAbandoned(APP) > abandonedBefore);
        // This test's query: the slow miner, cancelled when the client left. (Jersey's SseEventSource may
        // re-send a chat when its stream ends, this one included, and cancel that on close too: every such
        // query must be logged the same way.)
        List<Map<String, Object>> disconnected = await().atMost(WAIT).until(() -> rows(APP,
                "SELECT r.uid, r.status FROM chat_query q JOIN miner_response r ON r.query_id = q.id"
                        + " WHERE q.outcome = 'client_disconnected' AND r.uid = 1 AND :id = :id", "-"),
                found -> !found.isEmpty());
        assertThat(disconnected).isNotEmpty().allSatisfy(row ->
                assertThat(row).containsEntry("uid", 1).containsEntry("status", "cancelled"));
    }

    @Test
    void theChatPathAlsoAnswersWithATrailingSlash() throws Exception {
        List<Event> events = SseChat.open(target(APP, "chat/"),
                "{\"messages\": [\"Hi there\"], \"roles\": [\"user\"], \"uids\": [7]}", API_KEY).untilDone(WAIT);

        assertThat(events.getLast().data().get("uid").asInt()).isEqualTo(7);
    }
}
