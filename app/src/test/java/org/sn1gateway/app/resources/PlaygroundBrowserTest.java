package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.BrowserTools;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * The pages in a real headless Chromium: the playground (key, prompt, send; the answer streams in beside
 * the lanes), then the dashboard drawing what those chats logged, and the API documentation. A page that
 * its content policy hinders fails the test: every refusal is reported as an error.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PlaygroundBrowserTest {
    /** Every miner answers, so that whichever three are sampled, one is chosen. */
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.behaviours", "fast,fast,fast,slow,fast,fast,fast,fast"));

    @Test
    void aChatSentFromThePlaygroundStreamsAndTheDashboardDrawsWhatItLogged() throws Exception {
        Path screenshot = Paths.get("target", "screenshots", "playground.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());

        JsonNode shown = new ObjectMapper().readTree(BrowserTools.run("playground.mjs",
                "http://127.0.0.1:" + APP.getLocalPort(), API_KEY, screenshot.toString()));

        assertThat(shown.get("answer").asText()).isNotBlank();
        List<JsonNode> lanes = StreamSupport.stream(shown.get("lanes").spliterator(), false).toList();
        assertThat(lanes).as("one lane per miner asked").hasSize(3);
        assertThat(lanes).as("each lane names its miner and the wave that asked it").allSatisfy(lane ->
                assertThat(lane.get("label").asText()).isEqualTo("uid " + lane.get("uid").asText() + " · wave 1"));
        assertThat(lanes).filteredOn(lane -> lane.get("selected").asBoolean()).singleElement()
                .satisfies(lane -> assertThat(lane.get("status").asText()).startsWith("selected"));
        assertThat(shown.get("errors")).isEmpty();
        assertThat(screenshot).isNotEmptyFile();

        Path dashboardShot = screenshot.resolveSibling("dashboard.png");
        await().atMost(Duration.ofSeconds(15)).until(() -> !GatewayFixture.rows(APP,
                "SELECT uid FROM miner_response WHERE :id = :id", "-").isEmpty());
        List<Map<String, Object>> tokens = await().atMost(Duration.ofSeconds(15)).until(() -> GatewayFixture.rows(APP,
                "SELECT period_start, requests, prompt_tokens + completion_tokens AS total FROM key_usage"
                        + " WHERE period = 'day' AND key_id = :id", "operator"), found -> !found.isEmpty());
        JsonNode dashboard = new ObjectMapper().readTree(BrowserTools.run("dashboard.mjs",
                "http://127.0.0.1:" + APP.getLocalPort(), API_KEY, dashboardShot.toString()));

        assertThat(dashboard.get("points").asInt()).as("a point per miner heard from").isEqualTo(3);
        assertThat(dashboard.get("ttfcBars").asInt()).isPositive();
        assertThat(dashboard.get("successBars").asInt()).isPositive();
        assertThat(dashboard.get("leaderboard")).hasSize(3);
        assertThat(dashboard.get("usageBars")).as("today's tokens of the operator's key").singleElement()
                .satisfies(bar -> {
                    assertThat(bar.get("key").asText()).isEqualTo("operator");
                    assertThat(bar.get("day").asText()).isEqualTo(tokens.getFirst().get("period_start").toString());
                    assertThat(bar.get("tokens").asLong()).isEqualTo(((Number) tokens.getFirst().get("total")).longValue());
                });
        assertThat(dashboard.get("usageRows").asInt()).isEqualTo(1);
        assertThat(dashboard.get("oneMiner").asText()).as("narrowed to one miner").startsWith("1 answer since");
        assertThat(dashboard.get("errors")).isEmpty();
        assertThat(dashboardShot).isNotEmptyFile();
    }

    /** Swagger UI under the pages' content policy: no inline script, no eval, nothing from elsewhere. */
    @Test
    void theApiDocumentationRendersEveryOperationUnderThePagesContentPolicy() throws Exception {
        JsonNode shown = new ObjectMapper().readTree(BrowserTools.run("docs.mjs", "http://127.0.0.1:" + APP.getLocalPort()));

        assertThat(shown.get("errors")).isEmpty();
        assertThat(StreamSupport.stream(shown.get("operations").spliterator(), false).map(JsonNode::asText))
                .contains("/chat", "/v1/chat/completions", "/miners/stats", "/dashboard");
    }
}
