package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * One chat to a good miner and eight hostile or broken ones (hostile-miners.yml): the client gets the
 * good answer, and each bad miner's log row says what it did.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileMinersTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("hostile-miners.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    private static JsonNode summary;
    private static Map<Integer, Map<String, Object>> rows;

    @BeforeAll
    static void chatWithEveryMiner() throws Exception {
        try (Response response = post(APP, "chat", "{\"messages\": [\"What is a validator?\"], \"roles\": [\"user\"], "
                        + "\"uids\": [0, 1, 2, 3, 4, 5, 6, 7, 8], \"k\": 9, \"prefer\": \"longest\", \"timeout\": 3}",
                Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            summary = new ObjectMapper().readTree(response.readEntity(String.class));
        }
        String queryId = summary.get("query_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> GatewayFixture.rows(APP,
                "SELECT uid FROM miner_response WHERE query_id = :id", queryId).size() == 9);
        rows = GatewayFixture.rows(APP, "SELECT * FROM miner_response WHERE query_id = :id", queryId).stream()
                .collect(Collectors.toMap(row -> ((Number) row.get("uid")).intValue(), row -> row));
    }

    private static String status(int uid) {
        return (String) rows.get(uid).get("status");
    }

    /** The stable code that the query log groups by. */
    private static String reason(int uid) {
        return String.valueOf(rows.get(uid).get("reason"));
    }

    /** What varies with the code. */
    private static String detail(int uid) {
        return String.valueOf(rows.get(uid).get("detail"));
    }

    @Test
    void theClientGetsTheGoodMinersAnswer() {
        assertThat(summary.get("uid").asInt()).isZero();
        assertThat(summary.get("completion").asText()).isNotBlank().doesNotContain("CUDA").doesNotContain("html");
        assertThat(status(0)).isEqualTo("selected");
        assertThat(GatewayFixture.minerRequestsReceived(APP)).as("the redirect was not followed").isEqualTo(9);
    }

    @Test
    void aSlowlorisMinerIsCutOffAtTheTimeout() {
        assertThat(status(1)).isEqualTo("timeout");
    }

    @Test
    void anEndlessStreamIsCutOffAtTheAnswerSizeCap() {
        assertThat(status(2)).isEqualTo("error");
        assertThat(reason(2)).isEqualTo("answer_too_large");
        assertThat(detail(2)).contains("65536");
    }

    @Test
    void invalidUtf8IsFilteredWithItsReason() {
        assertThat(status(3)).isEqualTo("filtered");
        assertThat(reason(3)).isEqualTo("invalid_utf8");
        assertThat(detail(3)).contains("position");
    }

    @Test
    void aRedirectIsNeverFollowed() {
        assertThat(status(4)).isEqualTo("error");
        assertThat(reason(4)).isEqualTo("http_302");
    }

    @Test
    void anErrorTextSentWithStatus200IsNoAnswer() {
        assertThat(status(5)).isEqualTo("error");
        assertThat(reason(5)).isEqualTo("not_a_stream");
        assertThat(detail(5)).contains("application/json").contains("CUDA out of memory");
    }

    @Test
    void aWebPageIsNoAnswer() {
        assertThat(status(6)).isEqualTo("error");
        assertThat(reason(6)).isEqualTo("not_a_stream");
        assertThat(detail(6)).contains("text/html");
    }

    @Test
    void aMegabyteOfHeadersIsRefusedByTheClientsHeaderCap() {
        assertThat(status(7)).isEqualTo("error");
        assertThat(reason(7)).as(detail(7)).isEqualTo("broken_off");
        assertThat(detail(7)).containsIgnoringCase("header").containsIgnoringCase("too large");
    }

    @Test
    void anAnswerSignedWithAnotherMinersHotkeyIsRefused() {
        assertThat(status(8)).isEqualTo("error");
        assertThat(reason(8)).isEqualTo("forged_signature");
        assertThat(detail(8)).isEqualTo(String.valueOf(rows.get(8).get("hotkey")));
    }
}
