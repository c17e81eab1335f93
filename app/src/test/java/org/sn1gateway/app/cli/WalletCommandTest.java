package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.adapters.crypto.Bip39;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.peer.ReferenceVerifier;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.adapters.wallet.WalletLoader;
import org.sn1gateway.adapters.wallet.WalletLocation;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;

/**
 * wallet inspect and wallet sign through Dropwizard's command line, on a hotkey file of //Alice; wallet create
 * and wallet regen, whose files must load and sign.
 */
class WalletCommandTest {
    private static final String ALICE_PUBLIC = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    private static final String ALICE_SEED = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";

    @TempDir
    Path wallets;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        Path hotkeys = Files.createDirectories(wallets.resolve("validator").resolve("hotkeys"));
        Files.writeString(hotkeys.resolve("default"), "{\"secretSeed\": \"0x" + ALICE_SEED + "\", \"publicKey\": \"0x"
                + ALICE_PUBLIC + "\", \"ss58Address\": \"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"}");
        Bootstrap<GatewayConfiguration> bootstrap = new Bootstrap<>(new GatewayApplication());
        bootstrap.addCommand(new WalletCommand());
        cli = new Cli(new JarLocation(getClass()), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Optional<Throwable> run(String... arguments) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return cli.run(arguments);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void inspectPrintsTheAddressAndPublicKeyAndNothingSecret() {
        assertThat(run("wallet", "inspect", "--wallet-path", wallets.toString(), "--wallet", "validator")).isEmpty();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("ss58_address: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")
                .contains("public_key: 0x" + ALICE_PUBLIC).doesNotContain(ALICE_SEED.substring(0, 12));
    }

    @Test
    void signPrintsASignatureThatVerifies() throws Exception {
        assertThat(run("wallet", "sign", "--wallet-path", wallets.toString(), "--wallet", "validator",
                "--message", "hello bittensor")).isEmpty();

        String signature = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(signature).startsWith("0x").hasSize(130);
        assertThat(Sr25519.verify(HexFormat.of().parseHex(ALICE_PUBLIC), "hello bittensor".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(signature.substring(2)))).isTrue();
        assertThat(ReferenceVerifier.verifies("0x" + ALICE_PUBLIC, "hello bittensor", signature))
                .as("@polkadot/util-crypto verifies it").isTrue();
        assertThat(ReferenceVerifier.verifies("0x" + ALICE_PUBLIC, "hello bittensor!", signature)).isFalse();
    }

    @Test
    void aMissingWalletIsOneClearLine() {
        assertThat(run("wallet", "inspect", "--wallet-path", wallets.toString(), "--wallet", "nobody")).isPresent();

        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("wallet inspect: hotkey file not found: ")
                .doesNotContain("\tat ");
    }

    private CommandLine.Result wallet(String action, String hotkey, String... more) {
        List<String> arguments = new ArrayList<>(List.of("wallet", action, "--wallet-path", wallets.toString(),
                "--wallet", "made", "--hotkey", hotkey));
        arguments.addAll(List.of(more));
        return CommandLine.run(new WalletCommand(), arguments.toArray(String[]::new));
    }

    private Path madeFile(String hotkey) {
        return wallets.resolve("made").resolve("hotkeys").resolve(hotkey);
    }

    @Test
    void createWritesAHotkeyThatLoadsAndSignsAndShowsItsMnemonicOnce() throws Exception {
        CommandLine.Result created = wallet("create", "fresh");

        assertThat(created.succeeded()).as(created.err()).isTrue();
        String mnemonic = created.line("mnemonic");
        assertThat(mnemonic.split(" ")).hasSize(12);
        assertThat(created.out().split(mnemonic, -1)).as("the mnemonic is shown once").hasSize(2);
        assertThat(created.out()).contains("shown only this once");
        assertThat(created.line("hotkey_file")).isEqualTo(madeFile("fresh").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(madeFile("fresh")))).isEqualTo("rw-------");

        Hotkey loaded = WalletLoader.load(new WalletLocation(wallets.toString(), "made", "fresh"));
        assertThat(loaded.hotkey()).isEqualTo(created.line("ss58_address"));
        assertThat("0x" + HexFormat.of().formatHex(loaded.publicKey())).isEqualTo(created.line("public_key"));
        assertThat(Sr25519KeyPair.fromMiniSecret(Bip39.miniSecret(mnemonic)).publicKey()).isEqualTo(loaded.publicKey());
        String signature = loaded.sign("hello bittensor").orElseThrow();
        assertThat(Sr25519.verify(loaded.publicKey(), "hello bittensor".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(signature.substring(2)))).isTrue();

        CommandLine.Result inspected = wallet("inspect", "fresh");
        assertThat(inspected.line("ss58_address")).isEqualTo(created.line("ss58_address"));
        assertThat(inspected.out()).doesNotContain(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]);
        assertThat(wallet("create", "other").line("mnemonic")).isNotEqualTo(mnemonic);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sn1gateway.adapters.wallet.MnemonicVectors#withoutPassphrase")
    void regenRebuildsTheHotkeyOfEveryMnemonicVector(String name, JsonNode key) {
        CommandLine.Result regen = wallet("regen", name, "--mnemonic", key.get("mnemonic").asText());

        assertThat(regen.succeeded()).as(regen.err()).isTrue();
        assertThat(regen.line("ss58_address")).isEqualTo(key.get("ss58_42").asText());
        assertThat(regen.line("public_key")).isEqualTo(key.get("public_key_hex").asText());
        assertThat(regen.out()).doesNotContain(key.get("mnemonic").asText());
        assertThat(WalletLoader.load(new WalletLocation(wallets.toString(), "made", name)).hotkey())
                .isEqualTo(key.get("ss58_42").asText());
    }

    @Test
    void regenRefusesABadMnemonicInOneLine() {
        CommandLine.Result regen = wallet("regen", "typo", "--mnemonic",
                "bottom drive obey lake curtain smoke basket hold race lonely fit fit");

        assertThat(regen.succeeded()).isFalse();
        assertThat(regen.err().strip())
                .isEqualTo("wallet regen: invalid mnemonic: the mnemonic's checksum does not match its words");
        assertThat(madeFile("typo")).doesNotExist();
        assertThat(wallet("regen", "typo").err().strip())
                .isEqualTo("wallet regen: wallet regen needs --mnemonic \"WORD WORD ...\"");
    }

    @Test
    void neitherCommandReplacesAHotkeyWithoutOverwrite() throws Exception {
        String first = wallet("create", "kept").line("ss58_address");
        String before = Files.readString(madeFile("kept"));

        CommandLine.Result again = wallet("create", "kept");
        CommandLine.Result regen = wallet("regen", "kept", "--mnemonic",
                "legal winner thank year wave sausage worth useful legal winner thank yellow");

        for (CommandLine.Result refused : List.of(again, regen)) {
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.out()).doesNotContain("mnemonic:");
            assertThat(refused.err().strip()).endsWith("hotkey file " + madeFile("kept")
                    + " already exists; pass --overwrite to replace it (its key is lost unless you hold its mnemonic)");
        }
        assertThat(Files.readString(madeFile("kept"))).isEqualTo(before);

        CommandLine.Result replaced = wallet("regen", "kept", "--overwrite", "--mnemonic",
                "legal winner thank year wave sausage worth useful legal winner thank yellow");
        assertThat(replaced.line("ss58_address")).isEqualTo("5EHgWw2Af1pnoc7f1A8bfmM97W3DAYW8xr82RfhLL9oAabAe")
                .isNotEqualTo(first);
    }
}
