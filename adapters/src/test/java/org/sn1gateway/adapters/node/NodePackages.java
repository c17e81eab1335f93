package org.sn1gateway.adapters.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A folder of Node scripts with a package-lock.json, copied into the build's target/ and installed there
 * with {@code npm ci}, once per build: the source folder in src/test stays untouched.
 */
public final class NodePackages {
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);

    private NodePackages() {
    }

    /** The installed copy of {@code source} at {@code target}. */
    public static synchronized Path installed(Path source, Path target) throws IOException, InterruptedException {
        if (Files.isDirectory(target.resolve("node_modules"))) {
            return target;
        }
        copy(source, target);
        // Never inherit the test JVM's streams: they are surefire's command channel, and npm would make
        // standard input non-blocking and write into it, corrupting the fork.
        Path log = target.resolve("npm-ci.log");
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(target.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        install.getOutputStream().close();
        if (!install.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + target + ": " + Files.readString(log).strip());
        }
        return target;
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(path -> !path.toString().contains("node_modules")).toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                    destination.toFile().setWritable(true);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
