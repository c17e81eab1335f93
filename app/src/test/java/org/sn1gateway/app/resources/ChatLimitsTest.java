package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** An operator narrows the contract's ranges: chats over the configured limits get 422 and ask no miner. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChatLimitsTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("chat.maxMessages", "2"),
            ConfigOverride.config("chat.maxMessageLength", "20"),
            ConfigOverride.config("chat.maxK", "2"),
            ConfigOverride.config("chat.maxTimeout", "5 seconds"));
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> overTheLimits() {
        return Stream.of(
                Arguments.of("{\"messages\": [\"a\", \"b\", \"c\"], \"roles\": [\"user\", \"assistant\", \"user\"]}",
                        "messages must hold at most 2 entries, not 3"),
                Arguments.of("{\"messages\": [\"short\", \"" + "x".repeat(21) + "\"], \"roles\": [\"user\", \"user\"]}",
                        "messages[1] must be at most 20 characters, not 21"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"k\": 3}", "k must be less than or equal to 2"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"uids\": [0, 1, 2]}",
                        "uids must hold at most 2 entries"),
                Arguments.of("{\"messages\": [\"a\"], \"roles\": [\"user\"], \"timeout\": 5.5}",
                        "timeout must be less than or equal to 5.0"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("overTheLimits")
    void chatsOverTheLimitsAreRefusedOnEveryEndpointWithoutAskingAMiner(String body, String error) throws Exception {
        long asked = GatewayFixture.minerRequestsReceived(APP);

        for (String path : new String[] {"chat", "echo"}) {
            for (String accept : new String[] {"text/event-stream", "application/json"}) {
                try (Response response = post(APP, path, body, Map.of("api_key", API_KEY, "Accept", accept))) {
                    assertThat(response.getStatus()).as(path + " " + accept).isEqualTo(422);
                    assertThat(JSON.readTree(response.readEntity(String.class)).get("errors").toString()).contains(error);
                }
            }
        }
        assertThat(GatewayFixture.minerRequestsReceived(APP)).isEqualTo(asked);
    }

    /** The operator's limits are reported in the same 422 as wrongly typed and out-of-range fields. */
    @Test
    void limitsAreListedWithEveryOtherWrongField() throws Exception {
        String typeError = "{\"messages\": [\"a\", \"b\", \"c\"], \"roles\": [\"user\", \"user\", \"user\"], \"k\": \"x\"}";
        String rangeError = "{\"messages\": [\"" + "x".repeat(21) + "\"], \"roles\": [\"user\"], \"timeout\": 0}";

        for (String path : new String[] {"chat", "echo"}) {
            try (Response response = post(APP, path, typeError, Map.of("api_key", API_KEY))) {
                assertThat(response.getStatus()).isEqualTo(422);
                assertThat(JSON.readTree(response.readEntity(String.class)).get("errors").toString())
                        .contains("k must be an integer").contains("messages must hold at most 2 entries, not 3");
            }
            try (Response response = post(APP, path, rangeError, Map.of("api_key", API_KEY))) {
                assertThat(response.getStatus()).isEqualTo(422);
                assertThat(JSON.readTree(response.readEntity(String.class)).get("errors").toString())
                        .contains("timeout must be greater than or equal to 1")
                        .contains("messages[0] must be at most 20 characters, not 21");
            }
        }
    }

    @Test
    void theOpenAiApiRefusesThemInItsOwnErrorShape() throws Exception {
        String body = "{\"model\": \"sn1\", \"k\": 3, \"messages\": [{\"role\": \"user\", \"content\": \"" + "y".repeat(30)
                + "\"}]}";

        try (Response response = post(APP, "v1/chat/completions", body, Map.of("Authorization", "Bearer " + API_KEY))) {
            assertThat(response.getStatus()).isEqualTo(422);
            JsonNode error = JSON.readTree(response.readEntity(String.class)).get("error");
            assertThat(error.get("message").asText()).contains("messages[0] must be at most 20 characters")
                    .contains("k must be less than or equal to 2");
        }
    }

    @Test
    void chatsWithinTheLimitsAreServed() throws Exception {
        String body = "{\"messages\": [\"Hello there\", \"What is Bittensor?\"], \"roles\": [\"user\", \"user\"], "
                + "\"uids\": [0, 7], \"timeout\": 5}";

        try (Response response = post(APP, "chat", body, Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(JSON.readTree(response.readEntity(String.class)).get("miners")).hasSize(2);
        }
    }
}
