package org.sn1gateway.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * When the miners stop answering, the gateway keeps serving (each chat gets its 502) and the
 * {@code miner-network} health check turns red, saying how the recent queries ended; one answer clears it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MinerNetworkCollapseTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTTP_ERROR_UID = 4;
    private static final int FAST_UID = 0;

    @Test
    void theHealthCheckSaysWhenNoMinerHasAnsweredLately() throws Exception {
        assertThat(minerNetwork().get("healthy").asBoolean()).isTrue();

        for (int i = 1; i < MinerNetworkHealthCheck.UNANSWERED_IN_A_ROW; i++) {
            assertThat(chatWith(HTTP_ERROR_UID)).isEqualTo(502);
            assertThat(minerNetwork().get("healthy").asBoolean()).as("after %d failed chats", i).isTrue();
        }
        assertThat(chatWith(HTTP_ERROR_UID)).isEqualTo(502);
        // A query is logged just after its client has been answered.
        await().atMost(Duration.ofSeconds(10)).until(() -> !minerNetwork().get("healthy").asBoolean());
        assertThat(minerNetwork().get("message").asText())
                .startsWith("none of the last 10 queries got an answer from a miner (10 all_failed)");

        assertThat(chatWith(FAST_UID)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> minerNetwork().get("healthy").asBoolean());
        assertThat(minerNetwork().get("message").asText()).contains("1 of the last 10 queries answered");
    }

    private static int chatWith(int uid) {
        try (Response response = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [" + uid
                + "]}", Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            response.readEntity(String.class);
            return response.getStatus();
        }
    }

    private static JsonNode minerNetwork() throws Exception {
        try (Response response = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")
                .request().get()) {
            return JSON.readTree(response.readEntity(String.class)).get("miner-network");
        }
    }
}
