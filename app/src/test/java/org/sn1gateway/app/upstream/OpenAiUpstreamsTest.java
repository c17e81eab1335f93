package org.sn1gateway.app.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.postJson;
import static org.sn1gateway.app.support.GatewayFixture.rows;
import static org.sn1gateway.app.support.GatewayFixture.send;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.OpenAiUpstreamServer;
import org.sn1gateway.app.support.OpenAiUpstreamServer.Received;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * A {@code type: openai} gateway in front of a real OpenAI-compatible server on loopback: the server's text
 * passes through both APIs unchanged, with the configured key, and its failures are a miner's failures.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenAiUpstreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERED_BY = "upstream standin model=" + OpenAiUpstreamServer.MODEL;
    private static final OpenAiUpstreamServer UPSTREAM = OpenAiUpstreamServer.start();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            org.sn1gateway.app.GatewayApplication.class, ResourceHelpers.resourceFilePath("openai-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.upstreams[0].baseUrl", () -> UPSTREAM.baseUrl("/v1")),
            ConfigOverride.config("network.upstreams[1].baseUrl", () -> UPSTREAM.baseUrl("/flaky/v1")),
            ConfigOverride.config("network.upstreams[1].apiKey", "sk-flaky-override"),
            ConfigOverride.config("network.upstreams[2].baseUrl", () -> UPSTREAM.baseUrl("/narrow/v1")));

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        UPSTREAM.drain();
    }

    private static String chat(int uid, String prompt) {
        return chat(uid, prompt, 10);
    }

    private static String chat(int uid, String prompt, int timeout) {
        return "{\"messages\": [\"Be brief.\", \"" + prompt + "\"], \"roles\": [\"system\", \"user\"], \"uids\": ["
                + uid + "], \"timeout\": " + timeout + "}";
    }

    @Test
    void streamsTheUpstreamTextThroughChatWithTheConfiguredKeyAndLogsIt() throws Exception {
        String traced = chat(0, "Tell me about tides").replaceFirst("}$", ", \"trace\": true}");
        List<Event> events = SseChat.open(target(APP, "chat"), traced, API_KEY).untilDone(Duration.ofSeconds(20));

        String streamed = events.stream().filter(event -> event.name().equals("chunk"))
                .map(event -> event.data().get("delta").asText()).collect(Collectors.joining());
        JsonNode done = events.getLast().data();
        assertThat(streamed).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(done.get("completion").asText()).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(done.get("answered_by").asText()).isEqualTo(ANSWERED_BY);
        // Once the upstream has named its model, the trace names it too.
        assertThat(events.stream().filter(event -> event.name().equals("miner")
                && event.data().get("phase").asText().equals("ended")))
                .singleElement()
                .satisfies(event -> assertThat(event.data().get("source").asText()).isEqualTo(ANSWERED_BY));
        Received request = UPSTREAM.nextRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-test-from-environment-default");
        assertThat(request.headers().getFirst("OpenAI-Organization")).isEqualTo("org-test");
        assertThat(request.body().get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.body().get("stream").asBoolean()).isTrue();
        assertThat(request.body().get("messages")).isEqualTo(JSON.readTree("[{\"role\": \"system\", \"content\": "
                + "\"Be brief.\"}, {\"role\": \"user\", \"content\": \"Tell me about tides\"}]"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(APP,
                "SELECT hotkey, protocol, status FROM miner_response WHERE query_id = :id",
                done.get("query_id").asText()))
                .containsExactly(Map.of("hotkey", "standin", "protocol", "openai", "status", "selected")));
    }

    @Test
    void answersChatOnceWithTheHeaderNamingTheUpstreamAndItsModel() throws Exception {
        HttpResponse<String> response = send(postJson(APP, "chat", chat(0, "Tell me about tides"))
                .header("api_key", API_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("completion").asText()).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(response.headers().firstValue("X-Sn1-Answered-By")).hasValue(ANSWERED_BY);
        assertThat(summary.get("answered_by").asText()).isEqualTo(ANSWERED_BY);
        assertThat(summary.get("usage")).as("the upstream's own counts").isEqualTo(JSON.readTree(
                "{\"prompt_tokens\": " + OpenAiUpstreamServer.PROMPT_TOKENS + ", \"completion_tokens\": "
                        + OpenAiUpstreamServer.COMPLETION_TOKENS + ", \"total_tokens\": "
                        + (OpenAiUpstreamServer.PROMPT_TOKENS + OpenAiUpstreamServer.COMPLETION_TOKENS)
                        + ", \"estimated\": false}"));
        String queryId = summary.get("query_id").asText();
        List<Map<String, Object>> logged = await().atMost(Duration.ofSeconds(15)).until(() -> rows(APP,
                "SELECT prompt_tokens, completion_tokens, estimated FROM chat_query WHERE id = :id", queryId),
                found -> !found.isEmpty());
        assertThat(((Number) logged.getFirst().get("completion_tokens")).longValue())
                .isEqualTo(OpenAiUpstreamServer.COMPLETION_TOKENS);
        assertThat(logged.getFirst().get("estimated")).isEqualTo(false);
    }

    @Test
    void takesTheWholeAnswerOfAServerThatCannotStream() throws Exception {
        HttpResponse<String> response = send(postJson(APP, "chat", chat(0, "script:json"))
                .header("api_key", API_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("completion").asText()).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(((Number) APP.getEnvironment().metrics().getGauges().get("sn1.upstreams.completion-tokens")
                .getValue()).longValue()).isGreaterThanOrEqualTo(OpenAiUpstreamServer.COMPLETION_TOKENS);
    }

    private static OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + APP.getLocalPort() + "/v1")
                .apiKey(API_KEY).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams openAiChat(String prompt) {
        return ChatCompletionCreateParams.builder().model("sn1").addUserMessage(prompt)
                .putAdditionalBodyProperty("uids", JsonValue.from(List.of(0))).build();
    }

    @Test
    void streamsThroughTheOpenAiApiNamingTheRealModel() {
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = openAi().chat().completions()
                .withRawResponse().createStreaming(openAiChat("Tell me about tides"));
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();

            String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream()).collect(Collectors.joining());
            assertThat(text).isEqualTo(OpenAiUpstreamServer.TEXT);
            assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly(OpenAiUpstreamServer.MODEL);
            assertThat(response.headers().values("X-Sn1-Answered-By")).containsExactly(ANSWERED_BY);
        }
    }

    @Test
    void theUpstreamsOwnCountsReachTheOfficialClientStreamedAndWhole() {
        ChatCompletionCreateParams streamed = openAiChat("Tell me about tides").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(streamed)) {
            chunks = stream.stream().toList();
        }
        ChatCompletion whole = openAi().chat().completions().create(openAiChat("Tell me about tides"));

        for (CompletionUsage usage : List.of(chunks.getLast().usage().orElseThrow(), whole.usage().orElseThrow())) {
            assertThat(usage.promptTokens()).isEqualTo(OpenAiUpstreamServer.PROMPT_TOKENS);
            assertThat(usage.completionTokens()).isEqualTo(OpenAiUpstreamServer.COMPLETION_TOKENS);
            assertThat(usage._additionalProperties().get("estimated").asBoolean()).hasValue(false);
        }
        assertThat(chunks.getLast().choices()).isEmpty();
    }

    @Test
    void answersTheOpenAiApiOnceNamingTheRealModel() {
        HttpResponseFor<ChatCompletion> response = openAi().chat().completions().withRawResponse()
                .create(openAiChat("Tell me about tides"));
        ChatCompletion completion = response.parse();

        assertThat(completion.choices().getFirst().message().content()).hasValue(OpenAiUpstreamServer.TEXT);
        assertThat(completion.model()).isEqualTo(OpenAiUpstreamServer.MODEL);
        assertThat(response.headers().values("X-Sn1-Answered-By")).containsExactly(ANSWERED_BY);
    }

    /** A failed chat's one miner, from the JSON error answer's summary. */
    private static JsonNode failedChat(String chat, int status) throws Exception {
        HttpResponse<String> response = send(postJson(APP, "chat", chat).header("api_key", API_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).path("summary").path("miners").path(0);
    }

    @Test
    void survivesTheUpstreamsFailuresAsAMinersWithTheirReasons() throws Exception {
        assertThat(failedChat(chat(1, "script:server_error"), 502).get("reason").asText())
                .isEqualTo("HTTP 500: The server had an error");
        assertThat(UPSTREAM.nextRequest().headers().getFirst("Authorization")).isEqualTo("Bearer sk-flaky-override");
        assertThat(failedChat(chat(1, "script:html"), 502).get("reason").asText())
                .startsWith("HTTP 200 with text/html; charset=utf-8 instead of a stream");
        assertThat(failedChat(chat(1, "script:stream_error"), 502).get("reason").asText())
                .contains("The server had an error while processing your request.");
        assertThat(failedChat(chat(1, "script:bad_utf8"), 502).get("status").asText()).isEqualTo("filtered");
        JsonNode hung = failedChat(chat(1, "script:hang", 1), 504);
        assertThat(hung.get("status").asText()).isEqualTo("timeout");

        HttpResponse<String> healthy = send(postJson(APP, "chat", chat(1, "Tell me about tides"))
                .header("api_key", API_KEY));
        assertThat(healthy.statusCode()).as(healthy.body()).isEqualTo(200);
    }

    /** Whether a chat for this uid gets an answer now. */
    private static boolean answers(int uid) throws Exception {
        return send(postJson(APP, "chat", chat(uid, "Tell me about tides")).header("api_key", API_KEY))
                .statusCode() == 200;
    }

    @Test
    void pausesOnlyTheUpstreamThatAnswered429UntilItsRetryAfter() throws Exception {
        assertThat(failedChat(chat(1, "script:rate_limited"), 502).get("reason").asText())
                .isEqualTo("HTTP 429: Rate limit reached for requests");
        UPSTREAM.drain();

        HttpResponse<String> paused = send(postJson(APP, "chat", chat(1, "Tell me about tides"))
                .header("api_key", API_KEY));
        HttpResponse<String> other = send(postJson(APP, "chat", chat(0, "Tell me about tides"))
                .header("api_key", API_KEY));

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(503);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(UPSTREAM.drain()).extracting(Received::path).containsExactly("/v1/chat/completions");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> answers(1));
    }

    @Test
    void neverHasMoreCallsInFlightToAnUpstreamThanItsMaxConcurrent() throws Exception {
        try (SseChat hanging = SseChat.open(target(APP, "chat"), chat(2, "script:hang", 3), API_KEY)) {
            assertThat(UPSTREAM.nextRequest().path()).isEqualTo("/narrow/v1/chat/completions");

            HttpResponse<String> second = send(postJson(APP, "chat", chat(2, "Tell me about tides"))
                    .header("api_key", API_KEY));

            assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
            assertThat(UPSTREAM.drain()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> answers(2));
    }
}
