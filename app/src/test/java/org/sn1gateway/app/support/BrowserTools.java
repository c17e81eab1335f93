package org.sn1gateway.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser scripts of src/test/browser, copied into target/ with their npm packages installed (once per
 * build), run by Node against Debian's Chromium ({@code /usr/bin/chromium}; .ci/run installs it).
 */
public final class BrowserTools {
    private static final Path SOURCE = Paths.get("src", "test", "browser");
    private static final Path TARGET = Paths.get("target", "browser-tools").toAbsolutePath();

    private BrowserTools() {
    }

    /** Runs a script with arguments; returns its standard output, or fails with everything it printed. */
    public static String run(String script, String... arguments) throws IOException, InterruptedException {
        install();
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

    private static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(TARGET.resolve("node_modules"))) {
            return;
        }
        Files.createDirectories(TARGET);
        try (var files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.copy(file, TARGET.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Never the test JVM's own streams: they are surefire's channel (see AxonPeer).
        Path log = TARGET.resolve("npm-ci.log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(TARGET.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        npm.getOutputStream().close();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + TARGET + ": " + Files.readString(log));
        }
    }
}
