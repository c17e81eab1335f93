package org.sn1gateway.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.post;
import static org.sn1gateway.app.support.GatewayFixture.postJson;
import static org.sn1gateway.app.support.GatewayFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.app.support.GatewayFixture;

/** Keys made with the {@code keys} command while the gateway runs: limits, usage, revocation. */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoredKeysTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"messages\": [\"hello\"], \"roles\": [\"user\"]}";

    @TempDir
    Path files;

    private CommandLine.Result keys(String... arguments) throws Exception {
        return CommandLine.keys(files, APP, arguments);
    }

    private static Response echo(String key) {
        return post(APP, "echo", HELLO, Map.of("api_key", key, "Accept", "application/json"));
    }

    /** A limit of a few per minute is only testable within one minute: start well before its end. */
    static void awaitRoomInThisMinute() {
        await().atMost(Duration.ofSeconds(12)).until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() < 50);
    }

    @Test
    void aCreatedKeyIsPrintedOnceWithItsIdAndHeldToItsRateLimit() throws Exception {
        CommandLine.Result created = keys("create", "--name", "ci", "--rate-limit", "2");
        assertThat(created.succeeded()).as(created.err()).isTrue();
        String id = created.line("id");
        String key = created.line("key");
        assertThat(key).startsWith("sn1_" + id + "_").hasSizeGreaterThanOrEqualTo(4 + id.length() + 1 + 22);
        awaitRoomInThisMinute();

        HttpResponse<String> first = send(postJson(APP, "echo", HELLO).header("api_key", key));
        HttpResponse<String> second = send(postJson(APP, "echo", HELLO).header("api_key", key));
        HttpResponse<String> third = send(postJson(APP, "echo", HELLO).header("api_key", key));
        HttpResponse<String> openAi = send(postJson(APP, "v1/chat/completions",
                "{\"model\": \"sn1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                .header("Authorization", "Bearer " + key));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).contains("2");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(31, 90);
        assertThat(third.headers().firstValue("X-RateLimit-Reset")).isPresent();
        JsonNode body = JSON.readTree(third.body());
        assertThat(body.get("code").asInt()).isEqualTo(429);
        assertThat(body.get("message").asText()).contains("2 requests per minute");
        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(openAi.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        try (Response operator = echo(API_KEY)) {
            assertThat(operator.getStatus()).as("other keys are not limited by it").isEqualTo(200);
        }
    }

    @Test
    void revokingAKeyShutsItOutWithinSecondsWhileTheServerRuns() throws Exception {
        CommandLine.Result created = keys("create", "--name", "to-revoke");
        String key = created.line("key");
        try (Response before = echo(key)) {
            assertThat(before.getStatus()).isEqualTo(200);
            assertThat(before.getHeaderString("X-RateLimit-Limit")).as("no limit, no headers").isNull();
        }

        CommandLine.Result revoked = keys("revoke", created.line("id"));

        assertThat(revoked.out()).contains("revoked: " + created.line("id"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Response after = echo(key)) {
                return after.getStatus() == 401;
            }
        });
        CommandLine.Result again = keys("revoke", created.line("id"));
        assertThat(again.succeeded()).isFalse();
        assertThat(again.err()).contains("no active key has the id " + created.line("id"));
    }

    @Test
    void listShowsEveryKeyWithItsUsageButNeverASecret() throws Exception {
        CommandLine.Result created = keys("create", "--name", "usage");
        String key = created.line("key");
        for (int i = 0; i < 3; i++) {
            try (Response response = echo(key)) {
                assertThat(response.getStatus()).isEqualTo(200);
            }
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> keys("list").out().lines()
                .anyMatch(line -> line.startsWith(created.line("id")) && line.matches(".*\\s3\\s+active$")));
        CommandLine.Result list = keys("list");
        assertThat(list.out()).contains("usage").doesNotContain(key).doesNotContain(key.substring(key.lastIndexOf('_')));
    }

    @Test
    void refusesANonsensicalLimitWithOneLine() throws Exception {
        CommandLine.Result refused = keys("create", "--rate-limit", "0");

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.err()).contains("--rate-limit must be at least 1").doesNotContain("Exception");
    }
}
