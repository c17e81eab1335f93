package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * The probe on test-config.yml's eight simulated miners, of which uids 2 to 6 would fail a client (empty,
 * refusal, HTTP 500, hanging, breaking off mid-answer): the first round runs before the server takes requests,
 * so from its very first chat no client is given one of them, and no stream breaks.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MinerProbeTest {
    private static final Set<Integer> BROKEN = Set.of(2, 3, 4, 5, 6);
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("probe.enabled", "true"),
            ConfigOverride.config("probe.timeout", "3s"),
            // Waves would mend a failed first miner: this test is about never asking it.
            ConfigOverride.config("chat.maxWaves", "1"));

    @Test
    void fromTheFirstChatOnNoClientIsGivenAMinerTheProbeFoundBroken() throws Exception {
        Set<Integer> asked = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            try (SseChat chat = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Tell me about topic " + i
                    + "\"], \"roles\": [\"user\"], \"k\": 1, \"timeout\": 10}", API_KEY)) {
                List<Event> events = chat.untilDone(Duration.ofSeconds(30));
                assertThat(events).extracting(Event::name).as("chat %d", i).doesNotContain("error");
                JsonNode summary = events.getLast().data();
                summary.get("miners").forEach(miner -> asked.add(miner.get("uid").asInt()));
            }
        }

        assertThat(asked).doesNotContainAnyElementsOf(BROKEN).isNotEmpty();
    }

    @Test
    void theQueryLogKeepsTheProbesRoundWithEachMinersReason() {
        await().atMost(Duration.ofSeconds(15)).until(() -> !GatewayFixture.rows(APP,
                "SELECT id FROM chat_query WHERE outcome = 'probed' AND selected_by = 'probe'").isEmpty());
        List<Map<String, Object>> rows = GatewayFixture.rows(APP, """
                SELECT r.uid, r.status, r.reason FROM miner_response r JOIN chat_query q ON q.id = r.query_id
                WHERE q.outcome = 'probed' AND r.uid IN (2, 3, 4, 6) ORDER BY r.uid""");

        assertThat(rows).extracting(row -> row.get("uid"), row -> row.get("status"), row -> row.get("reason"))
                .startsWith(tuple(2, "empty", "empty"), tuple(3, "filtered", "refusal"),
                        tuple(4, "error", "http_500"), tuple(6, "error", "broken_off"));
    }
}
