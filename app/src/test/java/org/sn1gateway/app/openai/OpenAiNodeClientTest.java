package org.sn1gateway.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.BrowserTools;
import org.sn1gateway.app.support.GatewayFixture;

/** The official OpenAI Node client (src/test/browser/openai-stream.mjs) against the gateway. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenAiNodeClientTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    @Test
    void aTracedStreamReadsLikeAnyOtherThroughTheNodeClient() throws Exception {
        JsonNode read = new ObjectMapper().readTree(BrowserTools.run("openai-stream.mjs",
                "http://127.0.0.1:" + APP.getLocalPort(), GatewayFixture.API_KEY));

        assertThat(read.get("text").asText()).containsIgnoringCase("tides");
        List<JsonNode> steps = StreamSupport.stream(read.get("steps").spliterator(), false).toList();
        assertThat(steps).extracting(step -> step.get("phase").asText() + ":" + step.get("uid").asInt() + ":"
                        + step.get("status").asText())
                .contains("asked:0:pending", "asked:2:pending", "first_chunk:0:pending", "ended:0:ok", "ended:2:empty");
    }
}
