package org.sn1gateway.adapters.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The mnemonic keys of vectors/sr25519.json that have no passphrase, as Bittensor derives hotkeys. */
public final class MnemonicVectors {
    private MnemonicVectors() {
    }

    /** (name, key) arguments; a key has {@code mnemonic}, {@code public_key_hex}, {@code ss58_42} and more. */
    public static Stream<Arguments> withoutPassphrase() throws IOException {
        try (InputStream in = MnemonicVectors.class.getResourceAsStream("/vectors/sr25519.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode key : new ObjectMapper().readTree(in).get("keys")) {
                if (key.has("mnemonic") && key.get("password").asText().isEmpty()) {
                    cases.add(Arguments.of(key.get("name").asText(), key));
                }
            }
            return cases.stream();
        }
    }
}
