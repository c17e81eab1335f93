package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/**
 * Thousands of broken bodies, random and mutated from valid ones, against both chat APIs: each must be
 * refused with a 4xx naming the problem, none may cause a 5xx, and no miner may be asked. The seed is
 * fixed so that a failure can be replayed; the failing body is part of the message.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FuzzTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();
    private static final int BODIES_PER_API = 1_500;
    private static HttpClient client;

    private final Random random = new Random(20_261_124L);

    @BeforeAll
    static void startClient() {
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    private static final String CHAT = """
            {"messages": ["hello there"], "roles": ["user"], "k": 1, "timeout": 5, "prefer": "first",
             "sampling_mode": "random", "uids": [0], "exclude": [5]}""";
    private static final String OPENAI = """
            {"model": "sn1", "messages": [{"role": "user", "content": "hello there"}], "stream": false, "k": 1,
             "timeout": 5, "prefer": "first", "sampling_mode": "random", "uids": [0], "exclude": [5]}""";

    /** Values each field never accepts, so every mutant is invalid by construction. */
    private final Map<String, List<String>> invalidChatValues = Map.of(
            "messages", List.of("null", "[]", "\"hello\"", "[1]", "[null]", "[\"  \"]", "{}", "[[\"a\"]]", "[\"a\", \"b\"]"),
            "roles", List.of("null", "[]", "[\"robot\"]", "[1]", "\"user\"", "[null]", "[\"user\", \"user\"]"),
            "k", List.of("0", "-1", "65", "1e309", "\"many\"", "[]", "{}", "1.5", "99999999999999999999", "true"),
            "timeout", List.of("0", "0.5", "121", "-3", "\"soon\"", "[]", "1e400", "NaN", "true"),
            "prefer", List.of("\"best\"", "1", "[]", "{}", "\"\"", "true", "\"FIRST \""),
            "sampling_mode", List.of("\"all\"", "7", "[]", "{}", "\"\"", "false"),
            "uids", List.of("\"0\"x", "[\"x\"]", "[1.5]", "{}", "[99999999999999999999]", "[[0]]", "\"zero\""),
            "exclude", List.of("[\"x\"]", "[1.5]", "{}", "[{}]", "\"five\"", "[true]"));

    private final Map<String, List<String>> invalidOpenAiValues = Map.of(
            "messages", List.of("null", "[]", "\"hello\"", "[1]", "[null]", "[{\"role\": \"robot\", \"content\": \"x\"}]",
                    "[{\"content\": \"x\"}]", "[{\"role\": \"user\", \"content\": 5}]", "[{\"role\": \"user\", \"content\": \"  \"}]"),
            "k", List.of("0", "-1", "65", "\"many\"", "[]", "{}", "1.5", "true"),
            "timeout", List.of("0", "0.5", "121", "\"soon\"", "[]", "true"),
            "prefer", List.of("\"best\"", "1", "[]", "{}", "\"\""),
            "sampling_mode", List.of("\"all\"", "7", "[]", "{}"),
            "stream", List.of("\"yes\"", "[]", "{}", "2"),
            "uids", List.of("[\"x\"]", "[1.5]", "{}", "[[0]]", "\"zero\""));

    @Test
    void brokenBodiesAreRefusedWith4xxAndNeverReachAMiner() throws Exception {
        long minerRequestsBefore = GatewayFixture.minerRequestsReceived(APP);
        Map<Integer, Integer> statuses = new TreeMap<>();

        fuzz("/chat", CHAT, invalidChatValues, statuses);
        fuzz("/v1/chat/completions", OPENAI, invalidOpenAiValues, statuses);

        assertThat(statuses.keySet()).as("statuses seen: " + statuses).allMatch(status -> status >= 400 && status < 500);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * BODIES_PER_API);
        assertThat(GatewayFixture.minerRequestsReceived(APP)).as("miners asked").isEqualTo(minerRequestsBefore);
        assertThat(client.send(request("/v1/models", "GET", null), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("still serving").isEqualTo(200);
    }

    private void fuzz(String path, String valid, Map<String, List<String>> invalidValues,
                      Map<Integer, Integer> statuses) throws Exception {
        List<Supplier<byte[]>> generators = new ArrayList<>();
        generators.add(() -> randomBytes(random.nextInt(300)));
        generators.add(() -> truncated(valid));
        generators.add(() -> withInvalidField(valid, invalidValues));
        generators.add(() -> withInvalidField(valid, invalidValues));
        generators.add(() -> corrupted(valid));
        generators.add(() -> withoutField(valid, random.nextBoolean() ? "messages" : "roles".equals(path) ? "roles" : "messages"));
        generators.add(this::deeplyNested);
        String previous = "nothing";
        for (int i = 0; i < BODIES_PER_API; i++) {
            byte[] body = generators.get(random.nextInt(generators.size())).get();
            HttpResponse<String> response;
            try {
                response = client.send(request(path, "POST", body), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new AssertionError("no answer to " + path + " " + describe(body) + " after " + previous, e);
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            previous = response.statusCode() + " " + response.headers().map() + " for " + describe(body);
            assertThat(response.statusCode()).as("%s %s -> %s", path, describe(body),
                    response.body()).isBetween(400, 499);
        }
    }

    private static String describe(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
    }

    private static HttpRequest request(String path, String method, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("api_key", API_KEY).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A strict prefix of a JSON object is never valid JSON. */
    private byte[] truncated(String valid) {
        return valid.substring(0, random.nextInt(valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] withInvalidField(String valid, Map<String, List<String>> invalidValues) {
        List<String> fields = List.copyOf(new TreeMap<>(invalidValues).keySet());
        String field = fields.get(random.nextInt(fields.size()));
        List<String> values = invalidValues.get(field);
        return replaceValue(valid, field, values.get(random.nextInt(values.size()))).getBytes(StandardCharsets.UTF_8);
    }

    /** Breaks one structural character, or inserts a stray byte where only structure may stand. */
    private byte[] corrupted(String valid) {
        String structural = "{}[]:,\"";
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < valid.length(); i++) {
            if (structural.indexOf(valid.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        int at = positions.get(random.nextInt(positions.size()));
        char replacement = "}]{[,:@\u0000".charAt(random.nextInt(8));
        if (replacement == valid.charAt(at)) {
            replacement = '@';
        }
        return (valid.substring(0, at) + replacement + valid.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] withoutField(String valid, String field) {
        return replaceValue(valid, field, "null").replace("\"" + field + "\": null,", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deeplyNested() {
        int depth = 1_000 + random.nextInt(50_000);
        return ("{\"messages\": " + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces a top-level field's value, found by its key and the value's extent in the bodies above. */
    private static String replaceValue(String json, String field, String value) {
        int key = json.indexOf("\"" + field + "\":");
        int start = key + field.length() + 3;
        while (json.charAt(start) == ' ') {
            start++;
        }
        int depth = 0;
        int end = start;
        boolean inString = false;
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            if (c == '"' && json.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '[' || c == '{')) {
                depth++;
            } else if (!inString && (c == ']' || c == '}')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!inString && depth == 0 && c == ',') {
                break;
            }
        }
        return json.substring(0, start) + value + json.substring(end);
    }
}
