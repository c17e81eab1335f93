package org.sn1gateway.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level ./sn1-gateway launcher finds a JDK 21+ when the default java is older, as on machines whose
 * default is 17. Old JDKs are stand-in scripts that report version 17; the new one is the JDK running this test.
 */
class LauncherScriptTest {
    private static final Path LAUNCHER = Paths.get("..", "sn1-gateway").toAbsolutePath().normalize();
    private static final Path THIS_JDK = Paths.get(System.getProperty("java.home"));
    private static final String THIS_VERSION = Integer.toString(Runtime.version().feature());

    @TempDir
    Path machine;
    private Path oldJdk;
    private Path jvmFolder;

    @BeforeEach
    void anOldDefaultJava() throws IOException {
        oldJdk = fakeJdk(machine.resolve("jdk-17"), "17");
        jvmFolder = Files.createDirectories(machine.resolve("jvm"));
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("HOME", machine.toString());
        builder.environment().put("PATH", oldJdk.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().put("SN1_JVM_DIRS", jvmFolder.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void saysClearlyWhenOnlyAnOldJdkIsInstalled() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", oldJdk.toString()), "server", "config.yml");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("needs a JDK 21 or newer, and none was found")
                .contains("JAVA_HOME (" + oldJdk + ")").contains(jvmFolder.toString());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void findsTheNewestJdkInTheUsualFoldersWhenTheDefaultJavaIsOld() throws Exception {
        fakeJdk(jvmFolder.resolve("java-11"), "11");
        Files.createSymbolicLink(jvmFolder.resolve("temurin-new"), THIS_JDK);

        Run run = launch(Map.of("JAVA_HOME", oldJdk.toString()), "--which-java");

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(jvmFolder.resolve("temurin-new/bin/java") + " " + THIS_VERSION);
    }

    @Test
    void aNewEnoughJavaHomeWinsOverTheFolders() throws Exception {
        fakeJdk(jvmFolder.resolve("jdk-99"), "99");

        Run run = launch(Map.of("JAVA_HOME", THIS_JDK.toString()), "--which-java");

        assertThat(run.out().strip()).isEqualTo(THIS_JDK.resolve("bin/java") + " " + THIS_VERSION);
    }

    @Test
    void runsTheJarWithTheFoundJavaItsArgumentsAndJavaOpts() throws Exception {
        Files.createSymbolicLink(jvmFolder.resolve("temurin-new"), THIS_JDK);
        Path jar = machine.resolve("tiny.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintsItsRun.class.getName());
        String entry = PrintsItsRun.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream in = PrintsItsRun.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }

        Run run = launch(Map.of("SN1_GATEWAY_JAR", jar.toString(), "JAVA_OPTS", "-Dsn1.probe=yes"), "server",
                "my config.yml");

        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip()).isEqualTo(THIS_VERSION + " yes [server, my config.yml]");
        Run otherMain = launch(Map.of("SN1_GATEWAY_JAR", jar.toString()), "--class", PrintsItsRun.class.getName(),
                "-url", "jdbc:h2:mem:x");
        assertThat(otherMain.out().strip()).isEqualTo(THIS_VERSION + " null [-url, jdbc:h2:mem:x]");
    }

    @Test
    void saysHowToBuildTheJarWhenItIsMissing() throws Exception {
        Path jar = machine.resolve("missing.jar");

        Run run = launch(Map.of("JAVA_HOME", THIS_JDK.toString(), "SN1_GATEWAY_JAR", jar.toString()), "--help");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(jar + " is not built yet");
    }

    /** The main class of the jar the launcher runs in the test: reports the JVM, an option and its arguments. */
    public static final class PrintsItsRun {
        public static void main(String[] arguments) {
            System.out.println(Runtime.version().feature() + " " + System.getProperty("sn1.probe") + " "
                    + Arrays.toString(arguments));
        }
    }
}
