package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Ss58;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Epistula messages and headers against vectors/epistula.json (made with the validator's rules). */
class EpistulaSigningTest {
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = EpistulaSigningTest.class.getResourceAsStream("/vectors/epistula.json")) {
            List<Arguments> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        }
    }

    private static byte[] body(JsonNode vector) {
        return HexFormat.of().parseHex(vector.get("body_hex").asText().substring(2));
    }

    private static String signedFor(JsonNode vector) {
        JsonNode value = vector.get("signed_for");
        return value == null || value.isNull() ? null : value.asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheRequestAndSecretMessagesByteForByte(String name, JsonNode vector) {
        long timestamp = Long.parseLong(vector.get("timestamp_ms").asText());

        assertThat(EpistulaSigning.sha256Hex(body(vector))).isEqualTo(vector.get("body_sha256_hex").asText());
        assertThat(EpistulaSigning.requestMessage(body(vector), vector.get("uuid").asText(), timestamp, signedFor(vector)))
                .isEqualTo(vector.get("request_message").asText());
        if (signedFor(vector) != null) {
            List<String> expected = new ArrayList<>();
            vector.get("secret_signatures").forEach(secret -> expected.add(secret.get("message").asText()));
            assertThat(EpistulaSigning.secretMessages(timestamp, signedFor(vector))).isEqualTo(expected);
        }
    }

    static Stream<Arguments> negativeCases() throws IOException {
        try (InputStream in = EpistulaSigningTest.class.getResourceAsStream("/vectors/epistula.json")) {
            List<Arguments> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("negative_cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        }
    }

    private static boolean verifies(byte[] publicKey, String message, String signature) {
        return Sr25519.verifyLikeBittensor(publicKey, message.getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(signature.substring(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyReferenceSignatureVerifies(String name, JsonNode vector) {
        byte[] signer = Ss58.decodePublicKey(vector.get("signed_by").asText(), Ss58.BITTENSOR);

        assertThat(verifies(signer, vector.get("request_message").asText(), vector.get("request_signature_hex").asText()))
                .isTrue();
        if (vector.get("secret_signatures") != null && vector.get("secret_signatures").isArray()) {
            vector.get("secret_signatures").forEach(secret -> assertThat(verifies(signer, secret.get("message").asText(),
                    secret.get("signature_hex").asText())).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeCases")
    void everyTamperedCaseIsRefused(String name, JsonNode vector) {
        assertThat(verifies(HexFormat.of().parseHex(vector.get("public_key_hex").asText().substring(2)),
                vector.get("request_message").asText(), vector.get("request_signature_hex").asText())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendsExactlyTheHeadersOfTheVector(String name, JsonNode vector) {
        Map<String, String> signatures = new HashMap<>();
        signatures.put(vector.get("request_message").asText(), vector.get("request_signature_hex").asText());
        JsonNode secrets = vector.get("secret_signatures");
        if (secrets != null && secrets.isArray()) {
            secrets.forEach(s -> signatures.put(s.get("message").asText(), s.get("signature_hex").asText()));
        }
        RequestSigner replaying = new RequestSigner() {
            @Override
            public String hotkey() {
                return vector.get("signed_by").asText();
            }

            @Override
            public Optional<String> sign(String message) {
                return Optional.of(signatures.getOrDefault(message, "unexpected message: " + message));
            }
        };
        Map<String, String> expected = new LinkedHashMap<>();
        vector.get("headers").fields().forEachRemaining(header -> expected.put(header.getKey(), header.getValue().asText()));

        assertThat(EpistulaSigning.headers(replaying, body(vector), vector.get("uuid").asText(),
                Long.parseLong(vector.get("timestamp_ms").asText()), signedFor(vector)))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }
}
