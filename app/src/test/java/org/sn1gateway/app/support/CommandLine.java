package org.sn1gateway.app.support;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.cli.KeysCommand;
import org.sn1gateway.app.config.GatewayConfiguration;

/** Runs one of the gateway's commands as the command line would, capturing what it prints. */
public final class CommandLine {
    private CommandLine() {
    }

    /** What a command printed, and the error it ended with, if any. */
    public record Result(String out, String err, Optional<Throwable> error) {
        public boolean succeeded() {
            return error.isEmpty();
        }

        /** The value of a {@code name: value} line of the output. */
        public String line(String name) {
            return out.lines().filter(line -> line.startsWith(name + ": ")).findFirst()
                    .map(line -> line.substring(name.length() + 2)).orElseThrow(() ->
                            new AssertionError("no '" + name + ":' line in: " + out + err));
        }
    }

    /** A configuration file holding only a database section (commands need nothing else). */
    public static Path databaseConfig(Path directory, String driver, String url, String user) throws IOException {
        return Files.writeString(directory.resolve("config-" + Math.abs(url.hashCode()) + ".yml"),
                "database:\n  driverClass: " + driver + "\n  url: \"" + url + "\"\n  user: " + user + "\n"
                        + "logging:\n  level: WARN\n  appenders:\n    - type: console\n      target: stderr\n");
    }

    /** {@code keys ARGUMENTS} against the H2 database of a running test gateway. */
    public static Result keys(Path directory, DropwizardAppExtension<GatewayConfiguration> app, String... arguments)
            throws IOException {
        Path config = databaseConfig(directory, "org.h2.Driver", app.getConfiguration().database().getUrl(), "sa");
        String[] all = new String[arguments.length + 2];
        all[0] = "keys";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        all[all.length - 1] = config.toString();
        return run(new KeysCommand(), all);
    }

    /** Commands print to {@code System.out}, so that is swapped for the call; tests run one at a time. */
    public static synchronized Result run(Command command, String... arguments) {
        Bootstrap<GatewayConfiguration> bootstrap = new Bootstrap<>(new GatewayApplication());
        bootstrap.addCommand(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(printed);
        try {
            Optional<Throwable> error = new Cli(new JarLocation(CommandLine.class), bootstrap, printed,
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), error);
        } finally {
            System.setOut(original);
        }
    }
}
