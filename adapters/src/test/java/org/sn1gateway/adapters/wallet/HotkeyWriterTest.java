package org.sn1gateway.adapters.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.adapters.crypto.Sr25519;

/** Hotkey files written from mnemonics: byte for byte the Python SDK's, and read back by WalletLoader. */
class HotkeyWriterTest {
    private static final String PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    @TempDir
    Path wallets;

    private WalletLocation location() {
        return new WalletLocation(wallets.toString(), "validator", "default");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sn1gateway.adapters.wallet.MnemonicVectors#withoutPassphrase")
    void writesThePythonSdksFileForEveryMnemonicVector(String name, JsonNode key) throws Exception {
        Hotkey hotkey = HotkeyWriter.write(location(), key.get("mnemonic").asText(), false);

        String publicKey = key.get("public_key_hex").asText();
        assertThat(hotkey.hotkey()).isEqualTo(key.get("ss58_42").asText());
        assertThat(Files.readString(location().hotkeyFile())).isEqualTo("{\"accountId\": \"" + publicKey
                + "\", \"publicKey\": \"" + publicKey + "\", \"privateKey\": \"" + key.get("private_key_bittensor_hex").asText()
                + "\", \"secretPhrase\": \"" + key.get("mnemonic").asText() + "\", \"secretSeed\": \""
                + key.get("mini_secret_hex").asText() + "\", \"ss58Address\": \"" + key.get("ss58_42").asText() + "\"}");
        assertThat(Files.readString(location().hotkeyFile().resolveSibling("defaultpub.txt"))).isEqualTo(
                "{\"accountId\": \"" + publicKey + "\", \"publicKey\": \"" + publicKey + "\", \"privateKey\": null,"
                        + " \"secretPhrase\": null, \"secretSeed\": null, \"ss58Address\": \"" + key.get("ss58_42").asText() + "\"}");
    }

    @Test
    void theFileLoadsAndItsKeySignsVerifiably() throws Exception {
        HotkeyWriter.write(location(), PHRASE, false);

        Hotkey loaded = WalletLoader.load(location());
        assertThat(loaded.hotkey()).isEqualTo("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
        String signature = loaded.sign("hello").orElseThrow();
        assertThat(Sr25519.verify(loaded.publicKey(), "hello".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(signature.substring(2)))).isTrue();
    }

    @Test
    void keyFilesAreTheOwnersAloneAndNewFoldersToo() throws Exception {
        HotkeyWriter.write(location(), PHRASE, false);

        Path file = location().hotkeyFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("defaultpub.txt"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void neverReplacesAKeyUnlessAskedTo() throws Exception {
        HotkeyWriter.write(location(), PHRASE, false);
        String before = Files.readString(location().hotkeyFile());
        String other = "legal winner thank year wave sausage worth useful legal winner thank yellow";

        assertThatThrownBy(() -> HotkeyWriter.write(location(), other, false)).isInstanceOf(WalletException.class)
                .hasMessage("hotkey file " + location().hotkeyFile() + " already exists; pass --overwrite to replace it"
                        + " (its key is lost unless you hold its mnemonic)");
        assertThat(Files.readString(location().hotkeyFile())).isEqualTo(before);

        assertThat(HotkeyWriter.write(location(), other, true).hotkey())
                .isEqualTo("5EHgWw2Af1pnoc7f1A8bfmM97W3DAYW8xr82RfhLL9oAabAe");
        assertThat(WalletLoader.load(location()).hotkey()).isEqualTo("5EHgWw2Af1pnoc7f1A8bfmM97W3DAYW8xr82RfhLL9oAabAe");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(location().hotkeyFile())))
                .isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(location().hotkeyFile().getParent())) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("default", "defaultpub.txt");
        }
    }

    @Test
    void refusesABadMnemonicClearlyAndWritesNothing() {
        assertThatThrownBy(() -> HotkeyWriter.write(location(), PHRASE.replace("walk", "fit"), false))
                .isInstanceOf(WalletException.class)
                .hasMessage("invalid mnemonic: the mnemonic's checksum does not match its words");
        assertThatThrownBy(() -> HotkeyWriter.write(location(), PHRASE.replace("walk", "walks"), false))
                .hasMessage("invalid mnemonic: word 12 is not in the BIP-39 English list");
        assertThatThrownBy(() -> HotkeyWriter.write(location(), "bottom drive obey", false))
                .hasMessage("invalid mnemonic: a mnemonic has 12, 15, 18, 21 or 24 words, not 3");
        assertThat(wallets.resolve("validator")).doesNotExist();
    }

    @Test
    void storesThePhraseWithSingleSpaces() throws Exception {
        HotkeyWriter.write(location(), "  " + PHRASE.replace(" ", "\t  ") + "\n", false);

        assertThat(Files.readString(location().hotkeyFile())).contains("\"secretPhrase\": \"" + PHRASE + "\"");
    }
}
