package org.sn1gateway.app.metrics;

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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** Miner timings and outcomes in the admin port's metrics, as JSON and in Prometheus' text format. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    private static String admin(String path) {
        return APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + path).request().get(String.class);
    }

    @Test
    void everyMinerAskedIsTimedAndCountedByOutcome() throws Exception {
        // uid 0 answers fast, uid 2 sends nothing: both end in the metrics, with different outcomes.
        try (Response chat = post(APP, "chat", "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0, 2], "
                + "\"k\": 2, \"prefer\": \"longest\"}", Map.of("api_key", API_KEY, "Accept", "application/json"))) {
            assertThat(chat.getStatus()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode metrics = new ObjectMapper().readTree(admin("/metrics"));
            assertThat(metrics.at("/timers/sn1.miner.0.time_to_first_chunk/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/timers/sn1.miner.0.total_time/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/counters/sn1.miner.0.outcome.selected/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/counters/sn1.miner.2.outcome.empty/count").asLong()).isEqualTo(1);
            assertThat(metrics.at("/timers").toString()).contains("chat-json");
            assertThat(metrics.at("/gauges/sn1.query-log.written/value").asLong()).isPositive();
            assertThat(metrics.at("/gauges/sn1.query-log.dropped/value").asLong()).isZero();
        });
        String prometheus = admin(PrometheusEndpoint.PATH);
        assertThat(prometheus)
                .containsPattern("(?m)^sn1_miner_time_to_first_chunk_seconds_count\\{uid=\"0\"} 1$")
                .containsPattern("(?m)^sn1_miner_total_time_seconds_bucket\\{uid=\"2\",le=\"\\+Inf\"} 1$")
                .containsPattern("(?m)^sn1_miner_outcomes_total\\{outcome=\"selected\",uid=\"0\"} 1")
                .containsPattern("(?m)^sn1_miner_outcomes_total\\{outcome=\"empty\",uid=\"2\"} 1")
                .containsPattern("(?m)^org_sn1gateway_app_resources_ChatResource_chat_json_count 1$")
                .doesNotContain("sn1_miner_0_");
    }

    /** Dropwizard names an executor's metrics after its thread name format: a {@code %d} there ends up in them. */
    @Test
    void everyMetricHasAPlainName() {
        Set<String> names = APP.getEnvironment().metrics().getNames();

        assertThat(names).noneMatch(name -> name.contains("%"))
                .contains("housekeeping.running", "key-usage.running", "query-deadline.running");
    }
}
