package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;

/** Each prefer mode end to end, over the working simulated miners (uids 0 and 7 fast, 1 slow) and a refusal (3). */
@ExtendWith(DropwizardExtensionsSupport.class)
class SelectionModesTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    private static JsonNode summary(String prefer) throws Exception {
        List<SseChat.Event> events = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Why is the sky blue?\"],"
                + " \"roles\": [\"user\"], \"uids\": [0, 1, 3, 7], \"prefer\": \"" + prefer + "\"}", API_KEY)
                .untilDone(Duration.ofSeconds(20));
        return events.getLast().data();
    }

    private static List<JsonNode> usable(JsonNode summary) {
        return StreamSupport.stream(summary.get("miners").spliterator(), false)
                .filter(miner -> List.of("ok", "selected").contains(miner.get("status").asText())).toList();
    }

    @Test
    void longestDeliversTheLongestUsableAnswer() throws Exception {
        JsonNode summary = summary("longest");

        int longest = usable(summary).stream().mapToInt(miner -> miner.get("characters").asInt()).max().orElseThrow();
        assertThat(usable(summary)).hasSize(3);
        assertThat(summary.get("selected_by").asText()).isEqualTo("longest");
        assertThat(summary.get("completion").asText().codePointCount(0, summary.get("completion").asText().length()))
                .isEqualTo(longest);
    }

    @Test
    void shortestDeliversTheShortestUsableAnswerNeverTheRefusal() throws Exception {
        JsonNode summary = summary("shortest");

        int shortest = usable(summary).stream().mapToInt(miner -> miner.get("characters").asInt()).min().orElseThrow();
        assertThat(summary.get("uid").asInt()).isNotEqualTo(3);
        assertThat(summary.get("completion").asText()).hasSize(shortest);
    }

    @Test
    void aMixtureStreamsTheTopIncentiveMinersSynthesisOfTheGatheredAnswers() throws Exception {
        List<SseChat.Event> events = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Why is the sky blue?\"],"
                + " \"roles\": [\"user\"], \"uids\": [0, 1, 7], \"mixture\": true, \"timeout\": 5}", API_KEY)
                .untilDone(Duration.ofSeconds(30));
        JsonNode summary = events.getLast().data();

        assertThat(events).extracting(SseChat.Event::name).doesNotContain("error");
        assertThat(summary.get("selected_by").asText()).isEqualTo("mixture");
        assertThat(summary.get("completion").asText()).containsIgnoringCase("blue").doesNotContain("Candidate");
        List<Integer> asked = StreamSupport.stream(summary.get("miners").spliterator(), false)
                .map(miner -> miner.get("uid").asInt()).toList();
        assertThat(asked).as("the gathering miners are reported after the synthesisers").contains(0, 1, 7).hasSizeGreaterThan(3);
        assertTheSummarySpeaksForBothPhases(summary);
    }

    /** query_id names the gathering, whose log row the synthesis's points to; timing covers both phases. */
    static void assertTheSummarySpeaksForBothPhases(JsonNode summary) {
        String queryId = summary.get("query_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> GatewayFixture.rows(APP,
                "SELECT id FROM chat_query WHERE id = :id OR part_of = :id", queryId).size() == 2);
        Map<String, Object> gathering = GatewayFixture.rows(APP, "SELECT * FROM chat_query WHERE id = :id", queryId)
                .getFirst();
        assertThat(gathering.get("part_of")).isNull();
        assertThat(gathering.get("prefer")).as("the gathering waits for every answer").isEqualTo("longest");
        assertThat(summary.get("timing").asDouble())
                .isGreaterThan(((Number) gathering.get("total_seconds")).doubleValue());
    }

    @Test
    void consensusDeliversTheAnswerMostLikeTheOthersAndReportsItsSupport() throws Exception {
        JsonNode summary = summary("consensus");

        assertThat(summary.get("selected_by").asText()).isEqualTo("consensus");
        assertThat(summary.get("support").asInt()).isBetween(0, 2);
        assertThat(List.of(0, 1, 7)).contains(summary.get("uid").asInt());
    }
}
