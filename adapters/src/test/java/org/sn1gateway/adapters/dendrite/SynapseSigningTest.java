package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Ss58;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the body hash and signed message against vectors/synapse_signing.json (made by CPython rules). */
class SynapseSigningTest {
    private static JsonNode vectors() throws IOException {
        try (InputStream in = SynapseSigningTest.class.getResourceAsStream("/vectors/synapse_signing.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static Stream<Arguments> bodyHashCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("body_hash_cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
        return cases.stream();
    }

    static Stream<Arguments> signingCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("signing_cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyHashCases")
    void rendersMessagesAsCPythonAndHashesThemByteForByte(String name, JsonNode vector) {
        List<String> messages = strings(vector.get("messages"));

        assertThat(PythonRepr.ofList(messages)).isEqualTo(vector.get("messages_python_str").asText());
        assertThat(SynapseSigning.sha3Hex(PythonRepr.ofList(messages)))
                .isEqualTo(vector.get("messages_field_hash").asText());
        assertThat(SynapseSigning.computedBodyHash(messages)).isEqualTo(vector.get("computed_body_hash").asText());
    }

    static Stream<Arguments> negativeSigningCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("negative_signing_cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
        return cases.stream();
    }

    private static boolean verifies(String signer, String message, String signature) {
        return Sr25519.verifyLikeBittensor(Ss58.decodePublicKey(signer, Ss58.BITTENSOR),
                message.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(signature.substring(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signingCases")
    void everyReferenceSignatureVerifies(String name, JsonNode vector) {
        assertThat(verifies(vector.get("dendrite_hotkey").asText(), vector.get("signature_message").asText(),
                vector.get("signature_hex").asText())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeSigningCases")
    void everyTamperedCaseIsRefused(String name, JsonNode vector) {
        assertThat(verifies(vector.get("dendrite_hotkey").asText(), vector.get("signature_message").asText(),
                vector.get("signature_hex").asText())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signingCases")
    void buildsTheSignedMessageOfEachSigningCase(String name, JsonNode vector) {
        String bodyHash = SynapseSigning.computedBodyHash(strings(vector.get("messages")));

        assertThat(bodyHash).isEqualTo(vector.get("computed_body_hash").asText());
        assertThat(SynapseSigning.signatureMessage(vector.get("nonce").asLong(), vector.get("dendrite_hotkey").asText(),
                vector.get("axon_hotkey").asText(), vector.get("uuid").asText(), bodyHash))
                .isEqualTo(vector.get("signature_message").asText());
    }
}
