package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.peer.ReferenceVerifier;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;

/** wallet inspect and wallet sign through Dropwizard's command line, on a hotkey file of //Alice. */
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
}
