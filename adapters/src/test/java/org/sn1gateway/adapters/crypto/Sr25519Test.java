package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.crypto.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** sr25519 against vectors/sr25519.json and the deterministic vector of bittensor.md §4.4. */
class Sr25519Test {
    static Stream<Arguments> keysWithMiniSecrets() {
        return Vectors.cases("sr25519.json", "keys").filter(c -> ((JsonNode) c.get()[1]).has("mini_secret_hex"));
    }

    static Stream<Arguments> keys() {
        return Vectors.cases("sr25519.json", "keys");
    }

    static Stream<Arguments> signatures() {
        return Vectors.cases("sr25519.json", "signatures");
    }

    static Stream<Arguments> negativeSignatures() {
        return Vectors.cases("sr25519.json", "negative_signatures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithMiniSecrets")
    void expandsMiniSecretsIntoThePublicKeyAndPrivateKeyOfTheVector(String name, JsonNode key) {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(hex(key.get("mini_secret_hex")));

        assertThat(hex(pair.publicKey())).isEqualTo(key.get("public_key_hex").asText());
        assertThat(hex(pair.privateKey())).isEqualTo(key.get("private_key_bittensor_hex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void loadsBittensorPrivateKeysIntoTheSamePublicKey(String name, JsonNode key) {
        Sr25519KeyPair pair = Sr25519KeyPair.fromPrivateKey(hex(key.get("private_key_bittensor_hex")));

        assertThat(hex(pair.publicKey())).isEqualTo(key.get("public_key_hex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void verifiesEveryReferenceSignature(String name, JsonNode signature) {
        assertThat(Sr25519.verify(hex(signature.get("public_key_hex")), hex(signature.get("message_hex")),
                hex(signature.get("signature_hex")))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeSignatures")
    void refusesEveryNegativeCase(String name, JsonNode signature) {
        assertThat(Sr25519.verify(hex(signature.get("public_key_hex")), hex(signature.get("message_hex")),
                hex(signature.get("signature_hex")))).isFalse();
        assertThat(Sr25519.verifyLikeBittensor(hex(signature.get("public_key_hex")), hex(signature.get("message_hex")),
                hex(signature.get("signature_hex")))).isFalse();
    }

    @Test
    void acceptsTheBytesWrapperOnlyAsBittensorKeypairsDo() {
        JsonNode wrapped = Vectors.read("sr25519.json").get("bytes_wrapper_cases").get(0);
        byte[] publicKey = hex(wrapped.get("public_key_hex"));
        byte[] message = hex(wrapped.get("message_hex"));
        byte[] signature = hex(wrapped.get("signature_hex"));

        assertThat(Sr25519.verify(publicKey, message, signature)).isFalse();
        assertThat(Sr25519.verifyLikeBittensor(publicKey, message, signature)).isTrue();
    }

    @Test
    void reproducesTheDeterministicSigningVectorWithFixedWitnessRandomness() {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(HexFormat.of()
                .parseHex("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"));

        byte[] signature = pair.sign("hello bittensor".getBytes(StandardCharsets.UTF_8), new byte[32]);

        assertThat(HexFormat.of().formatHex(signature)).isEqualTo("d0aae95f49b479d7ce7409fbe928fc5d0708286978e78311fac1b8"
                + "b6a4a5f566e1aa51b5a3550ef291f8c4a382496c7838995bceb818d1ca5f4acfb0c45fdc87");
    }

    @Test
    void signaturesVerifyAndAnyTamperingIsRefused() {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);
        byte[] message = "1722470400.5Grw.5FHne.uuid.hash".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pair.sign(message);

        assertThat(Sr25519.verify(pair.publicKey(), message, signature)).isTrue();
        byte[] otherMessage = message.clone();
        otherMessage[0] ^= 1;
        assertThat(Sr25519.verify(pair.publicKey(), otherMessage, signature)).isFalse();
        byte[] otherSignature = signature.clone();
        otherSignature[5] ^= 1;
        assertThat(Sr25519.verify(pair.publicKey(), message, otherSignature)).isFalse();
        assertThat(Sr25519.verify(Sr25519KeyPair.fromMiniSecret(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey(), message, signature))
                .isFalse();
        assertThat(Sr25519.verify(pair.publicKey(), message, new byte[63])).isFalse();
        assertThat(Sr25519.verify(pair.publicKey(), null, signature)).isFalse();
        assertThat(Sr25519.verifyLikeBittensor(pair.publicKey(), null, signature)).isFalse();
    }

    @Test
    void neverShowsSecretsInItsTextForm() {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(new byte[32]);

        assertThat(pair.toString()).contains(HexFormat.of().formatHex(pair.publicKey()))
                .doesNotContain(HexFormat.of().formatHex(pair.privateKey()).substring(0, 16));
    }
}
