package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * How each chat API refuses a bad body, whatever is wrong with it: every wrong field in one 422 naming
 * the type it expects, malformed JSON 400, a body over the size limit 413 however it is framed. The
 * size limit is the default one, as a user meets it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestValidationTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("chat.maxRequestSize", "512 KiB"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One API's path and a body for it: {@code %s} stands for the extra fields under test. */
    record Api(String path, String template) {
        String body(String fields) {
            return template.formatted(fields);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Api> apis() {
        return Stream.of(new Api("/chat", "{\"messages\": [\"hi\"], \"roles\": [\"user\"], %s}"),
                new Api("/echo", "{\"messages\": [\"hi\"], \"roles\": [\"user\"], %s}"),
                new Api("/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], %s}"));
    }

    private static HttpResponse<String> post(Api api, HttpRequest.BodyPublisher body) throws Exception {
        return GatewayFixture.send(GatewayFixture.request(APP, api.path()).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json").header("Accept", "application/json").POST(body));
    }

    private static HttpResponse<String> post(Api api, String body) throws Exception {
        return post(api, HttpRequest.BodyPublishers.ofString(body));
    }

    /** The error messages of either API's error body: Dropwizard's list, or OpenAI's one message. */
    private static List<String> errors(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        if (body.has("error")) {
            return List.of(body.at("/error/message").asText().split("; "));
        }
        List<String> errors = new ArrayList<>();
        body.get("errors").forEach(error -> errors.add(error.asText()));
        return errors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void everyWrongFieldIsNamedInOne422WithTheTypeItExpects(Api api) throws Exception {
        long asked = GatewayFixture.minerRequestsReceived(APP);

        HttpResponse<String> response = post(api, api.body(
                "\"k\": 2.5, \"timeout\": \"x\", \"exclude\": [1.5], \"uids\": [\"a\"], \"prefer\": \"best\""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(response)).containsExactlyInAnyOrder("k must be an integer", "timeout must be a number",
                "exclude[0] must be an integer", "uids[0] must be an integer",
                "prefer must be first, longest, shortest or consensus");
        assertThat(GatewayFixture.minerRequestsReceived(APP)).isEqualTo(asked);
    }

    static Stream<Arguments> wrongTypes() {
        String chat = "{\"roles\": [\"user\"], \"messages\": %s}";
        String openAi = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], %s}";
        return Stream.of(
                Arguments.of("/chat", chat.formatted("\"hi\""), "messages must be a list"),
                Arguments.of("/chat", chat.formatted("[1]"), "messages[0] must be a string"),
                Arguments.of("/chat", chat.formatted("[\"hi\"], \"k\": 99999999999"), "k is out of range"),
                Arguments.of("/chat", chat.formatted("[\"hi\"], \"uids\": [\"99999999999\"]"), "uids[0] must be an integer"),
                Arguments.of("/chat", "[\"hi\"]", "the request body must be a JSON object"),
                Arguments.of("/v1/chat/completions", "{\"messages\": [{\"role\": 1, \"content\": \"hi\"}]}",
                        "messages[0].role must be a string"),
                Arguments.of("/v1/chat/completions", openAi.formatted("\"stream_options\": {\"include_usage\": \"yes\"}"),
                        "stream_options.include_usage must be a boolean"),
                Arguments.of("/v1/chat/completions", openAi.formatted("\"stream_options\": true"),
                        "stream_options must be a JSON object"),
                Arguments.of("/v1/chat/completions", openAi.formatted("\"seed\": \"42\""), "seed must be an integer"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("wrongTypes")
    void eachWrongTypeIsNamedByItsPathAndTheTypeItExpects(String path, String body, String error) throws Exception {
        HttpResponse<String> response = post(new Api(path, ""), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(error);
    }

    static Stream<Api> rangeErrors() {
        return Stream.of(new Api("/chat",
                        "{\"messages\": [\"hi\"], \"roles\": [\"robot\"], \"exclude\": [-1], \"sampling_mode\": \"all\"%s}"),
                new Api("/v1/chat/completions", "{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}], "
                        + "\"exclude\": [-1], \"sampling_mode\": \"all\"%s}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeErrors")
    void rangeErrorsReadTheSameWithOrWithoutATypeErrorBesideThem(Api api) throws Exception {
        List<String> alone = errors(post(api, api.body("")));
        List<String> besideATypeError = errors(post(api, api.body(", \"k\": \"x\"")));

        assertThat(alone).hasSize(3).contains("exclude[0] must be greater than or equal to 0");
        List<String> all = new ArrayList<>(alone);
        all.add("k must be an integer");
        assertThat(besideATypeError).containsExactlyInAnyOrderElementsOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void booleansMustBeJsonBooleans(Api api) throws Exception {
        long asked = GatewayFixture.minerRequestsReceived(APP);

        HttpResponse<String> response = post(api, api.body("\"trace\": \"yes\", \"mixture\": \"true\""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(response)).containsExactlyInAnyOrder("trace must be a boolean", "mixture must be a boolean");
        assertThat(GatewayFixture.minerRequestsReceived(APP)).isEqualTo(asked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void numbersMustBeJsonNumbersWhileUidsMayStillBeText(Api api) throws Exception {
        HttpResponse<String> response = post(api, api.body("\"k\": \"3\", \"timeout\": \"5\", \"uids\": [\"0\"]"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(response)).containsExactlyInAnyOrder("k must be an integer", "timeout must be a number");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void malformedJsonIsAlways400(Api api) throws Exception {
        for (String malformed : new String[] {"{\"messages\": [\"hi\",, \"x\"]}", "{\"messages\": [hi]}",
                "{\"messages\": [\"hi\"], \"roles\": [\"user\"]} trailing", "{\"uids\": [1 2]}"}) {
            HttpResponse<String> response = post(api, malformed);

            assertThat(response.statusCode()).as(malformed + " -> " + response.body()).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aBodyOverTheLimitIs413AlsoWhenSentInChunksWithoutALength(Api api) throws Exception {
        // As the issue found it: many messages of 70 KB, 600 KB in all, the limit (512 KiB) passed part-way through a list.
        String message = "\"" + "a".repeat(70_000) + "\"";
        String messages = String.join(", ", Collections.nCopies(9, message));
        byte[] body = ("{\"messages\": [" + messages + "], \"roles\": [\"user\"]}").getBytes(StandardCharsets.UTF_8);

        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        assertThat(chunked.contentLength()).as("no length announced: sent chunked").isNegative();

        HttpResponse<String> response = post(api, chunked);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 524288 bytes");
        assertThat(response.headers().firstValue("Connection")).as("read to its end: the connection stays usable")
                .isEmpty();
    }
}
