package org.sn1gateway.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.tokens.JtokkitTokenCounter;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** The official OpenAI Java SDK, unchanged but for its base URL, against the gateway. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenAiClientTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final JtokkitTokenCounter TOKENS = new JtokkitTokenCounter();

    private static OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + APP.getLocalPort() + "/v1")
                .apiKey(apiKey).maxRetries(0).build();
    }

    /** A chat for the fast simulated miner, uid 0, using the gateway's {@code uids} extension. */
    private static ChatCompletionCreateParams chatWithFastMiner(String prompt) {
        return ChatCompletionCreateParams.builder().model("sn1").addUserMessage(prompt)
                .putAdditionalBodyProperty("uids", JsonValue.from(List.of(0))).build();
    }

    @Test
    void namesTheMinerThatAnsweredInTheStreamsHeaderAndKeepsTheRequestedModel() {
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = client(GatewayFixture.API_KEY).chat()
                .completions().withRawResponse().createStreaming(chatWithFastMiner("Tell me about tides"));
             StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();

            assertThat(response.headers().values("X-Sn1-Answered-By")).singleElement().asString()
                    .startsWith("miner uid=0 hotkey=5");
            assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly("sn1");
        }
    }

    @Test
    void streamsAnAnswerThroughTheOfficialClient() {
        try (StreamResponse<ChatCompletionChunk> stream =
                     client(GatewayFixture.API_KEY).chat().completions().createStreaming(chatWithFastMiner("Tell me about tides"))) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();

            String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream()).collect(Collectors.joining());
            assertThat(text).containsIgnoringCase("tides");
            assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
            assertThat(chunks.getLast().choices().getFirst().finishReason())
                    .hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
            assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.getFirst().id());
        }
    }

    /**
     * The usual loop, {@code choices().get(0).delta().content()} on every chunk, must survive a traced
     * stream; the steps ride along in each trace chunk's {@code sn1_miner} extension.
     */
    @Test
    void aTracedStreamReadsLikeAnyOtherThroughTheOfficialClient() {
        // uid 0 answers, uid 2 sends nothing; longest waits for both, so every step comes in the stream.
        ChatCompletionCreateParams traced = ChatCompletionCreateParams.builder().model("sn1")
                .addUserMessage("Tell me about tides").putAdditionalBodyProperty("uids", JsonValue.from(List.of(0, 2)))
                .putAdditionalBodyProperty("k", JsonValue.from(2)).putAdditionalBodyProperty("prefer", JsonValue.from("longest"))
                .putAdditionalBodyProperty("trace", JsonValue.from(true)).build();
        StringBuilder text = new StringBuilder();
        List<JsonNode> steps = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream =
                     client(GatewayFixture.API_KEY).chat().completions().createStreaming(traced)) {
            stream.stream().forEach(chunk -> {
                chunk.choices().get(0).delta().content().ifPresent(text::append);
                JsonValue step = chunk._additionalProperties().get("sn1_miner");
                if (step != null) {
                    steps.add(step.convert(JsonNode.class));
                }
            });
        }

        assertThat(text.toString()).containsIgnoringCase("tides");
        assertThat(steps).extracting(step -> step.get("phase").asText() + ":" + step.get("uid").asInt() + ":"
                        + step.get("status").asText())
                .contains("asked:0:pending", "asked:2:pending", "first_chunk:0:pending", "ended:0:ok", "ended:2:empty");
        assertThat(steps).filteredOn(step -> step.get("phase").asText().equals("ended") && step.get("uid").asInt() == 0)
                .singleElement().satisfies(ended -> assertThat(ended.get("text").asText()).isEqualTo(text.toString()));
    }

    @Test
    void fetchesAWholeCompletionWithItsUsageCountedAsO200kBase() {
        ChatCompletion completion = client(GatewayFixture.API_KEY).chat().completions()
                .create(chatWithFastMiner("Explain photosynthesis"));

        String content = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(content).containsIgnoringCase("photosynthesis");
        assertThat(completion.model()).isEqualTo("sn1");
        assertThat(completion.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(promptTokens("Explain photosynthesis"));
            assertThat(usage.completionTokens()).isEqualTo(TOKENS.count(content)).isPositive();
            assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
            assertThat(usage._additionalProperties().get("estimated").asBoolean()).hasValue(true);
        });
    }

    @Test
    void readsTheUsageChunkOfAStreamThatAskedForItAsItsLastChunk() {
        ChatCompletionCreateParams withUsage = chatWithFastMiner("Tell me about tides").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                     client(GatewayFixture.API_KEY).chat().completions().createStreaming(withUsage)) {
            chunks = stream.stream().toList();
        }

        String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.delta().content().stream()).collect(Collectors.joining());
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(promptTokens("Tell me about tides"));
            assertThat(usage.completionTokens()).isEqualTo(TOKENS.count(text)).isPositive();
            assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        });
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
    }

    /** OpenAI's chat format for one user message: priming 3, and 3 + role + content. */
    private static long promptTokens(String prompt) {
        return 3 + 3 + TOKENS.count("user") + TOKENS.count(prompt);
    }

    @Test
    void aMixtureOfMinersAnswersThroughTheOfficialClient() {
        ChatCompletionCreateParams mixture = ChatCompletionCreateParams.builder().model("sn1")
                .addUserMessage("Describe volcanoes").putAdditionalBodyProperty("uids", JsonValue.from(List.of(0, 7)))
                .putAdditionalBodyProperty("mixture", JsonValue.from(true)).build();

        ChatCompletion completion = client(GatewayFixture.API_KEY).chat().completions().create(mixture);

        assertThat(completion.choices().getFirst().message().content()).get().asString()
                .containsIgnoringCase("volcanoes");
        String queryId = completion.id().substring("chatcmpl-".length());
        await("the id names the request: its gathering, of which the synthesis is logged as part")
                .atMost(Duration.ofSeconds(15)).until(() -> GatewayFixture.rows(APP,
                        "SELECT id FROM chat_query WHERE id = :id OR part_of = :id", queryId).size() == 2);
    }

    @Test
    void listsTheModelItServes() {
        assertThat(client(GatewayFixture.API_KEY).models().list().data()).extracting(model -> model.id()).contains("sn1");
    }

    @Test
    void aWrongKeyRaisesTheClientsAuthenticationError() {
        assertThatThrownBy(() -> client("wrong-key").chat().completions().create(chatWithFastMiner("Hi")))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void anInvalidRequestRaisesTheClientsUnprocessableError() {
        ChatCompletionCreateParams tooMany = ChatCompletionCreateParams.builder().model("sn1").addUserMessage("Hi")
                .putAdditionalBodyProperty("k", JsonValue.from(100)).build();

        assertThatThrownBy(() -> client(GatewayFixture.API_KEY).chat().completions().create(tooMany))
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("k must be less than or equal to 64");
    }
}
