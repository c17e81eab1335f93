package org.sn1gateway.adapters.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.crypto.Sr25519;

class WalletLoaderTest {
    private static final String SEED = "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "0x44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f";
    private static final String PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private static final String PHRASE_PUBLIC = "0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";

    @TempDir
    Path wallets;

    private WalletLocation write(String json) throws IOException {
        Path hotkeys = Files.createDirectories(wallets.resolve("validator").resolve("hotkeys"));
        Files.writeString(hotkeys.resolve("default"), json, StandardCharsets.UTF_8);
        return new WalletLocation(wallets.toString(), "validator", "default");
    }

    @Test
    void loadsAPythonSdkFileFromItsSeedAndSignsVerifiably() throws Exception {
        Hotkey hotkey = WalletLoader.load(write("{\"accountId\": \"" + PUBLIC + "\", \"publicKey\": \"" + PUBLIC
                + "\", \"privateKey\": null, \"secretPhrase\": null, \"secretSeed\": \"" + SEED + "\", \"ss58Address\": null}"));

        assertThat(HexFormat.of().formatHex(hotkey.publicKey())).isEqualTo(PUBLIC.substring(2));
        String signature = hotkey.sign("hello").orElseThrow();
        assertThat(Sr25519.verify(hotkey.publicKey(), "hello".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(signature.substring(2)))).isTrue();
        assertThat(hotkey.toString()).doesNotContain(SEED.substring(2, 20));
    }

    @Test
    void loadsARustWalletFileFromItsPhrase() throws Exception {
        Hotkey hotkey = WalletLoader.load(write("{\"secretPhrase\": \"" + PHRASE + "\", \"ss58Address\": "
                + "\"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\"}"));

        assertThat(hotkey.hotkey()).isEqualTo("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
        assertThat(HexFormat.of().formatHex(hotkey.publicKey())).isEqualTo(PHRASE_PUBLIC.substring(2));
    }

    @Test
    void saysClearlyWhyAHotkeyCannotBeLoaded() throws Exception {
        assertThatThrownBy(() -> WalletLoader.load(new WalletLocation(wallets.toString(), "missing", "default")))
                .isInstanceOf(WalletException.class).hasMessageStartingWith("hotkey file not found: ");
        assertThatThrownBy(() -> WalletLoader.load(write("{not json")))
                .hasMessageEndingWith("is not valid JSON");
        assertThatThrownBy(() -> WalletLoader.load(write("$NACL" + "x".repeat(40))))
                .hasMessageContaining("is encrypted ($NACL)");
        assertThatThrownBy(() -> WalletLoader.load(write("{\"secretSeed\": \"" + SEED + "\", \"publicKey\": \""
                + PHRASE_PUBLIC + "\"}")))
                .hasMessageContaining("does not match its publicKey").hasMessageNotContaining(SEED.substring(2));
        assertThatThrownBy(() -> WalletLoader.load(write("{\"publicKey\": \"" + PUBLIC + "\"}")))
                .hasMessageContaining("holds no secret");
    }

    @Test
    void expandsTheHomeFolder() {
        assertThat(new WalletLocation("~/.bittensor/wallets", "default", "default").hotkeyFile().toString())
                .startsWith(System.getenv("HOME")).endsWith(".bittensor/wallets/default/hotkeys/default");
    }
}
