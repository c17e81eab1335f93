package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.app.GatewayApplication;

/**
 * {@code server config.yml} with a wallet it cannot use stops with one line naming the file and the problem,
 * no stack trace, and a fatal error (the real entry point exits with 1 on it).
 */
@Timeout(120)
class ServerWalletErrorTest {
    private static final String ALICE_SEED = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";

    @TempDir
    Path dir;

    /** What the entry point printed, and the error it ended with. */
    private record Start(String out, String err, Throwable fatal) {
        String onlyLine() {
            assertThat(fatal).as("the start failed").isNotNull();
            assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(err.strip().lines()).as("stderr: " + err).hasSize(1);
            return err.strip();
        }
    }

    /** The application with its real commands; onFatalError would exit the JVM, so it only records. */
    private static final class Recording extends GatewayApplication {
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();

        @Override
        protected void onFatalError(Throwable error) {
            fatal.set(error);
        }
    }

    private Start start(String network) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yml"), """
                server:
                  applicationConnectors: [{type: http, port: 0}]
                  adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
                database:
                  driverClass: org.h2.Driver
                  url: jdbc:h2:mem:wallet-error-%d;DB_CLOSE_DELAY=-1
                  user: sa
                  password: ""
                logging:
                  level: ERROR
                  appenders: [{type: console, target: stderr}]
                %s
                """.formatted(System.nanoTime(), network));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Recording application = new Recording();
        try {
            application.run("server", config.toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Start(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                application.fatal.get());
    }

    private static String bittensor(Path wallets) {
        return "network: {type: bittensor, chain: 'ws://127.0.0.1:1', wallet: {path: '" + wallets
                + "', name: validator, hotkey: default}}";
    }

    private static String staticNetwork(Path wallets) {
        return """
                network:
                  type: static
                  wallet: {path: '%s', name: validator, hotkey: default}
                  miners: [{uid: 0, hotkey: 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty, host: 127.0.0.1, port: 1}]
                """.formatted(wallets);
    }

    private Path hotkeyFile(String contents) throws Exception {
        Path hotkeys = Files.createDirectories(dir.resolve("wallets").resolve("validator").resolve("hotkeys"));
        return Files.writeString(hotkeys.resolve("default"), contents);
    }

    /** A configuration it cannot accept: its errors, each on its line, and no stack trace. */
    @Test
    void anInvalidConfigurationIsItsErrorsWithoutAStackTrace() throws Exception {
        Start start = start("network: {type: openai, upstreams: [{name: a, baseUrl: 'not a url', model: m}]}");

        assertThat(start.fatal()).isNotNull();
        assertThat(start.out() + start.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(start.err()).startsWith("sn1-gateway: ").contains("config.yml has an error")
                .contains("network.upstreams[0].baseUrl must be an http:// or https:// URL");
    }

    @Test
    void aMissingWalletOnABittensorNetworkIsOneLineNamingTheFile() throws Exception {
        Path wallets = dir.resolve("no-wallets");

        String line = start(bittensor(wallets)).onlyLine();

        assertThat(line).isEqualTo("sn1-gateway: cannot load the validator hotkey: hotkey file not found: "
                + wallets.resolve("validator/hotkeys/default"));
    }

    @Test
    void aMissingWalletOnAStaticNetworkIsOneLine() throws Exception {
        String line = start(staticNetwork(dir.resolve("no-wallets"))).onlyLine();

        assertThat(line).contains("hotkey file not found: ").contains("validator/hotkeys/default");
    }

    @Test
    void anUnreadableWalletSaysWhy() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("wallets/validator/hotkeys/default"));

        String line = start(staticNetwork(dir.resolve("wallets"))).onlyLine();

        assertThat(line).endsWith("cannot read hotkey file " + folder + ": it is a folder");
    }

    @Test
    void anEncryptedWalletSaysSo() throws Exception {
        Path file = hotkeyFile("$NACL" + "x".repeat(40));

        assertThat(start(staticNetwork(dir.resolve("wallets"))).onlyLine())
                .endsWith("hotkey file " + file + " is encrypted ($NACL); the gateway needs an unencrypted hotkey");
    }

    @Test
    void malformedJsonSaysSo() throws Exception {
        Path file = hotkeyFile("{\"secretSeed\": ");

        assertThat(start(staticNetwork(dir.resolve("wallets"))).onlyLine())
                .endsWith("hotkey file " + file + " is not valid JSON");
    }

    @Test
    void aKeyThatDoesNotMatchItsAddressSaysSo() throws Exception {
        Path file = hotkeyFile("{\"secretSeed\": \"0x" + ALICE_SEED
                + "\", \"ss58Address\": \"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\"}");

        assertThat(start(staticNetwork(dir.resolve("wallets"))).onlyLine()).endsWith("hotkey file " + file
                + ": the key derived from its secret does not match its ss58Address");
    }
}
