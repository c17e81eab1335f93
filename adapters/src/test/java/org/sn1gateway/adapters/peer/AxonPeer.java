package org.sn1gateway.adapters.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.adapters.node.NodePackages;

/**
 * The project's reference miner (src/test/node/axon-peer.mjs), which verifies requests with @polkadot, run as
 * a real process on loopback. Its folder is copied into target/ and installed with {@code npm ci} once per
 * build. Every request it receives is reported as one JSON line.
 */
public final class AxonPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    /**
     * The peer's sources. Surefire runs tests in their module's folder, so this one path serves the adapters'
     * tests and the app's, which use this class from the adapters' test jar.
     */
    private static final Path SOURCE = Paths.get("..", "adapters", "src", "test", "node");

    private final Process process;
    private final int port;
    private final String hotkey;
    private final BlockingQueue<JsonNode> verdicts = new LinkedBlockingQueue<>();

    private AxonPeer(Process process, JsonNode listening) {
        this.process = process;
        this.port = listening.get("port").asInt();
        this.hotkey = listening.get("hotkey").asText();
        Thread.ofVirtual().name("axon-peer-stdout").start(this::readVerdicts);
    }

    /** Starts the peer with extra options such as {@code --allow-unsigned} or {@code --reply TEXT}. */
    public static AxonPeer start(String... options) throws IOException, InterruptedException {
        Path tools = installedTools();
        List<String> command = new ArrayList<>(List.of("node", "axon-peer.mjs", "--port", "0", "--chunk-delay-ms", "5"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).directory(tools.toFile()).start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String first = stderr.readLine();
        if (first == null || !first.contains("\"listening\"")) {
            process.destroyForcibly();
            throw new IllegalStateException("axon-peer did not start: " + first);
        }
        Thread.ofVirtual().start(() -> stderr.lines().forEach(line -> { })); // keep its stderr drained
        return new AxonPeer(process, JSON.readTree(first));
    }

    public int port() {
        return port;
    }

    /** The peer's own hotkey (SS58), which signed requests must be addressed to. */
    public String hotkey() {
        return hotkey;
    }

    /** The peer's report of the next request it handled. */
    public JsonNode nextVerdict(Duration limit) throws InterruptedException {
        JsonNode verdict = verdicts.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (verdict == null) {
            throw new AssertionError("axon-peer reported no request within " + limit);
        }
        return verdict;
    }

    private void readVerdicts() {
        try (BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = stdout.readLine()) != null) {
                verdicts.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** adapters/src/test/node copied into this module's target/ with its npm packages installed (once per build). */
    static Path installedTools() throws IOException, InterruptedException {
        return NodePackages.installed(SOURCE, Paths.get("target", "axon-peer").toAbsolutePath());
    }
}
