package org.sn1gateway.adapters.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default wallets folder follows {@code HOME}, as the shell's {@code ~} and the Python SDK do. Java's own
 * {@code user.home} does not (it reads the password database), so this runs a JVM whose {@code HOME} differs.
 */
class WalletHomeTest {
    @TempDir
    Path home;

    /** Prints where the default hotkey lives, for the JVM the test starts. */
    public static final class PrintDefaultHotkeyFile {
        public static void main(String[] arguments) {
            System.out.print(new WalletLocation(WalletLocation.DEFAULT_PATH, "default", "default").hotkeyFile());
        }
    }

    @Test
    void theDefaultWalletsFolderIsUnderHomeAsTheShellAndTheSdkSeeIt() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PrintDefaultHotkeyFile.class.getName()).redirectErrorStream(true);
        child.environment().put("HOME", home.toString());
        Process process = child.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(printed).isEqualTo(home.resolve(".bittensor/wallets/default/hotkeys/default").toString());
    }
}
