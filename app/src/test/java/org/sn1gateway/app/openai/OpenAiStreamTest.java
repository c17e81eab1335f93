package org.sn1gateway.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** The wire format of the OpenAI-compatible API, read as raw text. Uids as in ChatStreamTest. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenAiStreamTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + API_KEY);

    private static List<String> dataLines(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> line.startsWith("data: "))
                .map(line -> line.substring(6)).toList();
    }

    @Test
    void aStreamEndsWithAStopChunkThenDoneAndNothingAfter() throws Exception {
        try (Response response = post(APP, "v1/chat/completions", "{\"model\": \"sn1\", \"stream\": true,"
                + " \"stream_options\": {\"include_usage\": true}, \"uids\": [7],"
                + " \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Hello\"}]}]}", AUTH)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/event-stream");
            List<String> data = dataLines(response.readEntity(String.class));

            assertThat(data.getLast()).isEqualTo("[DONE]");
            JsonNode usage = JSON.readTree(data.get(data.size() - 2));
            assertThat(usage.get("choices")).isEmpty();
            assertThat(usage.get("usage").get("completion_tokens").asInt()).isPositive();
            JsonNode stop = JSON.readTree(data.get(data.size() - 3));
            assertThat(stop.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
            assertThat(JSON.readTree(data.getFirst()).get("choices").get(0).get("delta").get("role").asText())
                    .isEqualTo("assistant");
        }
    }

    @Test
    void aFailureBeforeAnyTextIsAnOpenAiErrorWithItsStatus() throws Exception {
        String noMiner = "{\"stream\": true, \"uids\": [8], \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
        String allFail = "{\"stream\": true, \"uids\": [4], \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

        try (Response unavailable = post(APP, "v1/chat/completions", noMiner, AUTH);
             Response failed = post(APP, "v1/chat/completions", allFail, AUTH)) {
            assertThat(unavailable.getStatus()).isEqualTo(503);
            assertThat(JSON.readTree(unavailable.readEntity(String.class)).get("error").get("code").asText())
                    .isEqualTo("no_miner_available");
            assertThat(failed.getStatus()).isEqualTo(502);
            assertThat(JSON.readTree(failed.readEntity(String.class)).get("error").get("type").asText())
                    .isEqualTo("server_error");
        }
    }

    @Test
    void aChosenMinerThatBreaksOffEndsTheStreamWithAnErrorAndNoDone() throws Exception {
        try (Response response = post(APP, "v1/chat/completions",
                "{\"stream\": true, \"uids\": [6], \"messages\": [{\"role\": \"user\", \"content\": \"Tell me a story\"}]}",
                AUTH)) {
            List<String> data = dataLines(response.readEntity(String.class));

            assertThat(data).doesNotContain("[DONE]");
            assertThat(JSON.readTree(data.getLast()).get("error").get("code").asText()).isEqualTo("selected_failed");
        }
    }
}
