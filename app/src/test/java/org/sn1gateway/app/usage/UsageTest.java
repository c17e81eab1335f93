package org.sn1gateway.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.postJson;
import static org.sn1gateway.app.support.GatewayFixture.request;
import static org.sn1gateway.app.support.GatewayFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.tokens.JtokkitTokenCounter;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * Tokens per chat, per-key totals, budgets, expiry and the usage report, on a gateway over H2, through the
 * HTTP API as clients see it and the {@code keys} command as operators do.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UsageTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("queryLog.storeText", "true"), ConfigOverride.config("auth.usageFlush", "1 second"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final JtokkitTokenCounter TOKENS = new JtokkitTokenCounter();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path files;

    /** A chat for the fast simulated miner, uid 0. */
    static String chat(String prompt) {
        return "{\"messages\": [\"" + prompt + "\"], \"roles\": [\"user\"], \"uids\": [0]}";
    }

    /** OpenAI's chat format for one user message: priming 3, and 3 + role + content. */
    static long promptTokens(String prompt) {
        return 3 + 3 + TOKENS.count("user") + TOKENS.count(prompt);
    }

    private CommandLine.Result keys(String... arguments) throws Exception {
        CommandLine.Result result = CommandLine.keys(files, APP, arguments);
        assertThat(result.succeeded()).as(result.out() + result.err()).isTrue();
        return result;
    }

    static JsonNode usage(DropwizardAppExtension<GatewayConfiguration> app, String header, String value)
            throws Exception {
        HttpResponse<String> response = send(request(app, "v1/usage").header(header, value));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void everyAnswerCarriesTheTokensItCostCountedWithO200kBase() throws Exception {
        String prompt = "What is the capital of France?";
        HttpResponse<String> once = send(postJson(APP, "chat", chat(prompt)).header("api_key", GatewayFixture.API_KEY));
        JsonNode summary = JSON.readTree(once.body());

        JsonNode usage = summary.get("usage");
        long completion = TOKENS.count(summary.get("completion").asText());
        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(promptTokens(prompt));
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(completion).isPositive();
        assertThat(usage.get("total_tokens").asLong()).isEqualTo(promptTokens(prompt) + completion);
        assertThat(usage.get("estimated").asBoolean()).as("a miner reports no counts").isTrue();
        String queryId = summary.get("query_id").asText();
        List<Map<String, Object>> logged = await().atMost(WAIT).until(() -> GatewayFixture.rows(APP,
                "SELECT prompt_tokens, completion_tokens, estimated FROM chat_query WHERE id = :id", queryId),
                rows -> !rows.isEmpty());
        assertThat(((Number) logged.getFirst().get("prompt_tokens")).longValue()).isEqualTo(promptTokens(prompt));
        assertThat(((Number) logged.getFirst().get("completion_tokens")).longValue()).isEqualTo(completion);
        assertThat(logged.getFirst().get("estimated")).isEqualTo(true);

        HttpResponse<String> streamed = send(request(APP, "chat").header("api_key", GatewayFixture.API_KEY)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        chat(prompt))));
        String done = streamed.body().lines().dropWhile(line -> !line.equals("event: done"))
                .filter(line -> line.startsWith("data:")).findFirst().orElseThrow().substring(5);
        JsonNode doneUsage = JSON.readTree(done).get("usage");
        assertThat(doneUsage.get("completion_tokens").asLong())
                .isEqualTo(TOKENS.count(JSON.readTree(done).get("completion").asText()));
        assertThat(doneUsage.get("prompt_tokens").asLong()).isEqualTo(promptTokens(prompt));
    }

    @Test
    void aKeysUsageIsReportedToItWithEitherHeaderAndToTheOperator() throws Exception {
        CommandLine.Result created = keys("create", "--name", "reporting", "--token-budget", "100000",
                "--expires-in", "30d");
        String id = created.line("id");
        String key = created.line("key");
        JsonNode before = usage(APP, "api_key", key);

        JsonNode summary = JSON.readTree(send(postJson(APP, "chat", chat("Tell me about tides"))
                .header("api_key", key)).body());
        JsonNode after = usage(APP, "Authorization", "Bearer " + key);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(before.get("key_id").asText()).isEqualTo(id);
        assertThat(before.get("requests").asLong()).isZero();
        assertThat(before.get("tokens_left").asLong()).isEqualTo(100_000);
        assertThat(after.get("name").asText()).isEqualTo("reporting");
        assertThat(after.get("period").asText()).isEqualTo("month");
        assertThat(after.get("period_start").asText()).isEqualTo(today.withDayOfMonth(1) + "T00:00:00Z");
        assertThat(after.get("resets_at").asText()).isEqualTo(today.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z");
        assertThat(after.get("requests").asLong()).isEqualTo(1);
        long total = summary.get("usage").get("total_tokens").asLong();
        assertThat(after.get("prompt_tokens").asLong()).isEqualTo(summary.get("usage").get("prompt_tokens").asLong());
        assertThat(after.get("total_tokens").asLong()).isEqualTo(total);
        assertThat(after.get("token_budget").asLong()).isEqualTo(100_000);
        assertThat(after.get("tokens_left").asLong()).isEqualTo(100_000 - total);
        assertThat(Instant.parse(after.get("expires_at").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(30)));
        assertThat(after.fieldNames()).toIterable().containsExactly("key_id", "name", "period", "period_start",
                "resets_at", "requests", "prompt_tokens", "completion_tokens", "total_tokens", "token_budget",
                "tokens_left", "expires_at");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode report = JSON.readTree(keys("usage", id, "--format", "json").out());
            assertThat(report).singleElement().satisfies(row -> {
                assertThat(row.get("total_tokens").asLong()).isEqualTo(total);
                assertThat(row.get("days")).singleElement().satisfies(day -> {
                    assertThat(day.get("day").asText()).isEqualTo(today.toString());
                    assertThat(day.get("total_tokens").asLong()).isEqualTo(total);
                });
            });
        });
        assertThat(keys("usage", "--format", "csv").out()).contains(id + ",reporting," + today + ",1,");
        assertThat(keys("usage").out()).contains(id).contains("reporting").contains(String.valueOf(100_000 - total));
        JsonNode operatorView = JSON.readTree(send(request(APP, "usage/daily?since=7d")
                .header("api_key", GatewayFixture.API_KEY)).body());
        assertThat(operatorView.get("days")).anySatisfy(day -> assertThat(day.get("key_id").asText()).isEqualTo(id));
        JsonNode ownView = JSON.readTree(send(request(APP, "usage/daily").header("api_key", key)).body());
        assertThat(ownView.get("days")).extracting(day -> day.get("key_id").asText()).containsOnly(id);
    }

    @Test
    void aKeyWithASmallBudgetIsRefusedOnceItIsSpentUntilThePeriodResets() throws Exception {
        CommandLine.Result created = keys("create", "--name", "small", "--token-budget", "60", "--budget-period", "day");
        String key = created.line("key");

        int served = 0;
        HttpResponse<String> refused = null;
        for (int attempt = 0; attempt < 5 && refused == null; attempt++) {
            HttpResponse<String> response = send(postJson(APP, "chat", chat("Describe the ocean")).header("api_key", key));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                served++;
            }
        }

        assertThat(refused).as("refused once spent").isNotNull();
        assertThat(served).as("each answer of the fast miner costs more than 60 tokens").isEqualTo(1);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("code").asInt()).isEqualTo(429);
        assertThat(error.get("details").asText()).isEqualTo("insufficient_quota");
        assertThat(error.get("message").asText()).contains("token budget").contains("60 tokens this day");
        long untilMidnight = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(untilMidnight, untilMidnight + 60);

        HttpResponse<String> openAi = send(postJson(APP, "v1/chat/completions",
                "{\"model\": \"sn1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                .header("Authorization", "Bearer " + key));
        assertThat(openAi.statusCode()).isEqualTo(429);
        JsonNode openAiError = JSON.readTree(openAi.body()).get("error");
        assertThat(openAiError.get("code").asText()).isEqualTo("insufficient_quota");
        assertThat(openAiError.get("type").asText()).isEqualTo("insufficient_quota");
        OpenAIClient sdk = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + APP.getLocalPort() + "/v1")
                .apiKey(key).maxRetries(0).build();
        assertThatThrownBy(() -> sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("sn1")
                .addUserMessage("hi").build())).isInstanceOfSatisfying(RateLimitException.class,
                        quota -> assertThat(quota.code()).hasValue("insufficient_quota"));
        JsonNode usage = usage(APP, "api_key", key);
        assertThat(usage.get("tokens_left").asLong()).isZero();
        assertThat(usage.get("requests").asLong()).as("refused chats are no requests").isEqualTo(1);
        assertThat(send(postJson(APP, "echo", chat("hi")).header("api_key", key)).statusCode())
                .as("only chats are budgeted").isEqualTo(200);
    }

    @Test
    void anExpiredKeyIsRefusedWith401SayingItExpired() throws Exception {
        CommandLine.Result created = keys("create", "--name", "brief");
        String id = created.line("id");
        String key = created.line("key");
        assertThat(send(postJson(APP, "echo", chat("hi")).header("api_key", key)).statusCode()).isEqualTo(200);

        keys("update", id, "--expires-at", "2020-01-01T00:00:00Z");

        // The gateway sees the change once its cached check of the key expires (auth.cacheFor).
        HttpResponse<String> refused = await().atMost(WAIT).until(
                () -> send(postJson(APP, "chat", chat("hi")).header("api_key", key)),
                response -> response.statusCode() == 401);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .isEqualTo("API key " + id + " expired at 2020-01-01T00:00:00Z");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        HttpResponse<String> openAi = send(request(APP, "v1/usage").header("Authorization", "Bearer " + key));
        assertThat(openAi.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(openAi.body()).get("error").get("message").asText()).contains("expired");
        assertThat(keys("list").out()).contains(id).contains("expired");
    }

    @Test
    void aClientThatDisconnectsAfterAFewChunksPaysForThoseChunks() throws Exception {
        String key = keys("create", "--name", "leaver").line("key");
        String prompt = "Describe a long journey";
        StringBuilder read = new StringBuilder();

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(request(APP, "chat").header("api_key", key)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                            .ofString("{\"messages\": [\"" + prompt + "\"], \"roles\": [\"user\"], \"uids\": [1]}"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                int chunks = 0;
                for (String line = lines.readLine(); chunks < 3 && line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        read.append(JSON.readTree(line.substring(5)).get("delta").asText());
                        chunks++;
                    }
                }
            }
        }

        JsonNode usage = await().atMost(WAIT).until(() -> usage(APP, "api_key", key),
                report -> report.get("requests").asLong() == 1);
        List<Map<String, Object>> logged = await().atMost(WAIT).until(() -> GatewayFixture.rows(APP, """
                        SELECT q.completion_tokens, q.prompt_tokens, r.answer, r.status FROM chat_query q
                        JOIN miner_response r ON r.query_id = q.id
                        WHERE q.outcome = 'client_disconnected' AND r.selected AND q.prompt LIKE :id""",
                "%" + prompt + "%"), rows -> !rows.isEmpty());
        Map<String, Object> row = logged.getFirst();
        long delivered = TOKENS.count((String) row.get("answer"));
        assertThat(row.get("status")).as("cut short when the client left").isEqualTo("cancelled");
        assertThat(usage.get("completion_tokens").asLong()).as("what was sent: every chunk the miner gave, at once")
                .isEqualTo(delivered).isEqualTo(((Number) row.get("completion_tokens")).longValue())
                .isGreaterThanOrEqualTo(TOKENS.count(read.toString())).isPositive();
        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(promptTokens(prompt));
    }
}
