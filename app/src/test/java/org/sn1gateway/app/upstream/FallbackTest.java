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
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.OpenAiUpstreamServer;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * A static network whose miners are all down, with a {@code fallback} upstream on loopback: every chat, on
 * either API, streamed or not, is answered by the fallback, and the header, the summary and the query log say so.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FallbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERED_BY = "upstream standin model=" + OpenAiUpstreamServer.MODEL;
    /** The first fallback upstream's uid, beyond any subnet's. */
    private static final int FALLBACK_UID = 65_536;
    private static final OpenAiUpstreamServer UPSTREAM = OpenAiUpstreamServer.start();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("fallback-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.fallback[0].baseUrl", () -> UPSTREAM.baseUrl("/v1")));

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    private static final String CHAT = "{\"messages\": [\"Tell me about tides\"], \"roles\": [\"user\"], \"k\": 2,"
            + " \"timeout\": 10}";

    /** The query's log rows: its selection, and each response's uid, hotkey, protocol and status. */
    private static void assertLoggedAsFallback(String queryId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rows(APP, "SELECT outcome, selected_uid, selected_by FROM chat_query WHERE id = :id", queryId))
                    .containsExactly(Map.of("outcome", "delivered", "selected_uid", FALLBACK_UID,
                            "selected_by", "fallback"));
            assertThat(rows(APP, "SELECT uid, protocol, status, reason FROM miner_response WHERE query_id = :id"
                    + " ORDER BY wave, uid", queryId))
                    .extracting(row -> row.get("uid") + " " + row.get("protocol") + " " + row.get("status") + " "
                            + row.get("reason"))
                    .containsExactly("0 epistula error connect_failed", "1 epistula error connect_failed",
                            FALLBACK_UID + " openai selected null");
        });
    }

    @Test
    void streamsTheFallbacksAnswerOnChat() throws Exception {
        List<Event> events = SseChat.open(target(APP, "chat"), CHAT, API_KEY).untilDone(Duration.ofSeconds(20));

        String streamed = events.stream().filter(event -> event.name().equals("chunk"))
                .map(event -> event.data().get("delta").asText()).collect(Collectors.joining());
        JsonNode done = events.getLast().data();
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(streamed).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(done.get("selected_by").asText()).isEqualTo("fallback");
        assertThat(done.get("answered_by").asText()).isEqualTo(ANSWERED_BY);
        assertThat(done.get("uid").asInt()).isEqualTo(FALLBACK_UID);
        assertLoggedAsFallback(done.get("query_id").asText());
    }

    @Test
    void answersChatOnceFromTheFallbackSayingSoInTheHeader() throws Exception {
        HttpResponse<String> response = send(postJson(APP, "chat", CHAT)
                .header("api_key", API_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("completion").asText()).isEqualTo(OpenAiUpstreamServer.TEXT);
        assertThat(summary.get("selected_by").asText()).isEqualTo("fallback");
        assertThat(response.headers().firstValue("X-Sn1-Answered-By")).hasValue(ANSWERED_BY);
        assertLoggedAsFallback(summary.get("query_id").asText());
    }

    private static OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + APP.getLocalPort() + "/v1")
                .apiKey(API_KEY).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams openAiChat() {
        return ChatCompletionCreateParams.builder().model("sn1").addUserMessage("Tell me about tides").build();
    }

    @Test
    void streamsTheFallbacksAnswerThroughTheOpenAiApi() {
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = openAi().chat().completions()
                .withRawResponse().createStreaming(openAiChat());
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            String text = stream.stream().flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream()).collect(Collectors.joining());

            assertThat(text).isEqualTo(OpenAiUpstreamServer.TEXT);
            assertThat(response.headers().values("X-Sn1-Answered-By")).containsExactly(ANSWERED_BY);
        }
    }

    @Test
    void answersTheOpenAiApiOnceFromTheFallback() {
        HttpResponseFor<ChatCompletion> response = openAi().chat().completions().withRawResponse()
                .create(openAiChat());

        assertThat(response.parse().choices().getFirst().message().content()).hasValue(OpenAiUpstreamServer.TEXT);
        assertThat(response.parse().model()).isEqualTo(OpenAiUpstreamServer.MODEL);
        assertThat(response.headers().values("X-Sn1-Answered-By")).containsExactly(ANSWERED_BY);
    }

    @Test
    void keepsTheMinerNetworkHealthCheckRedWhileTheFallbackAnswers() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send(postJson(APP, "chat", CHAT).header("api_key", API_KEY)).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode health = JSON.readTree(send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))).body()).path("miner-network");
            assertThat(health.path("healthy").asBoolean()).as(health.toString()).isFalse();
            assertThat(health.path("message").asText()).startsWith("none of the last 10 queries got an answer from a"
                    + " miner (10 all_failed)");
        });
    }
}
