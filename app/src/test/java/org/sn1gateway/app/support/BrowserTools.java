package org.sn1gateway.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.adapters.node.NodePackages;

/**
 * The Node scripts of src/test/browser, copied into target/ with their npm packages installed (once per
 * build): the pages driven in Debian's Chromium ({@code /usr/bin/chromium}; .ci/run installs it), and the
 * official OpenAI Node client.
 */
public final class BrowserTools {
    private static final Path SOURCE = Paths.get("src", "test", "browser");
    private static final Path TARGET = Paths.get("target", "browser-tools").toAbsolutePath();

    private BrowserTools() {
    }

    /** Runs a script with arguments; returns its standard output, or fails with everything it printed. */
    public static String run(String script, String... arguments) throws IOException, InterruptedException {
        NodePackages.installed(SOURCE, TARGET);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Path log = TARGET.resolve(script + ".log");
        Process node = new ProcessBuilder(command).directory(TARGET.toFile())
                .redirectError(log.toFile()).start();
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes());
        if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new AssertionError(script + " failed: " + out + Files.readString(log));
        }
        return out;
    }
}
