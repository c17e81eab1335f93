package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sn1gateway.adapters.crypto.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bip39Test {
    static Stream<Arguments> mnemonics() {
        return Vectors.cases("sr25519.json", "keys").filter(c -> ((JsonNode) c.get()[1]).has("mnemonic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mnemonics")
    void derivesEntropyMiniSecretAndKeyOfEveryMnemonicVector(String name, JsonNode key) {
        String mnemonic = key.get("mnemonic").asText();

        assertThat(Bip39.entropy(mnemonic)).isEqualTo(hex(key.get("entropy_hex")));
        assertThat(Bip39.miniSecret(Bip39.entropy(mnemonic), key.get("password").asText()))
                .isEqualTo(hex(key.get("mini_secret_hex")));
        if (key.get("password").asText().isEmpty()) {
            assertThat(Sr25519KeyPair.fromMiniSecret(Bip39.miniSecret(mnemonic)).publicKey())
                    .isEqualTo(hex(key.get("public_key_hex")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mnemonics")
    void writesTheEntropyOfEveryMnemonicVectorAsItsWords(String name, JsonNode key) {
        assertThat(Bip39.mnemonic(hex(key.get("entropy_hex")))).isEqualTo(key.get("mnemonic").asText());
    }

    @Test
    void generatesTwelveWordsFromSixteenBytesOfTheGivenRandomness() {
        SecureRandom sevenFs = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0x7f);
            }
        };

        assertThat(Bip39.generate(sevenFs))
                .isEqualTo("legal winner thank year wave sausage worth useful legal winner thank yellow");
    }

    @Test
    void generatedMnemonicsDifferAndReadBackToTheirEntropy() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String mnemonic = Bip39.generate(random);

            assertThat(mnemonic.split(" ")).hasSize(12);
            assertThat(Bip39.mnemonic(Bip39.entropy(mnemonic))).isEqualTo(mnemonic);
            seen.add(mnemonic);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void refusesEntropyOfAnyOtherLength() {
        assertThatThrownBy(() -> Bip39.mnemonic(new byte[15])).hasMessageContaining("not 15");
        assertThatThrownBy(() -> Bip39.mnemonic(new byte[18])).hasMessageContaining("not 18");
        assertThatThrownBy(() -> Bip39.mnemonic(new byte[36])).hasMessageContaining("not 36");
    }

    @Test
    void derivesTheDevelopmentPhraseBySubstratesRule() {
        String phrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

        assertThat(HexFormat.of().formatHex(Bip39.entropy(phrase))).isEqualTo("1a486a5fbe53639984cb64b070755f7b");
        assertThat(HexFormat.of().formatHex(Bip39.miniSecret(phrase)))
                .isEqualTo("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    }

    @Test
    void refusesUnknownWordsWrongCountsAndBadChecksums() {
        assertThatThrownBy(() -> Bip39.entropy("bottom drive obey lake curtain smoke basket hold race lonely fit walks"))
                .hasMessageContaining("word 12 is not in the BIP-39 English list");
        assertThatThrownBy(() -> Bip39.entropy("bottom drive obey")).hasMessageContaining("not 3");
        assertThatThrownBy(() -> Bip39.entropy("bottom drive obey lake curtain smoke basket hold race lonely fit fit"))
                .hasMessageContaining("checksum");
    }

    @Test
    void shipsTheStandardEnglishWordList() throws Exception {
        try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
            // The SHA-256 of english.txt in the BIP-39 repository.
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
                    .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
        }
    }
}
