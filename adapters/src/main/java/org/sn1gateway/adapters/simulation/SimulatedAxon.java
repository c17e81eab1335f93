package org.sn1gateway.adapters.simulation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One simulated miner: a real HTTP server on loopback speaking the classic StreamPromptingSynapse
 * protocol, answering with its scripted behaviour.
 */
final class SimulatedAxon implements AutoCloseable {
    static final String REFUSAL = "I'm sorry, but I cannot help with that.";
    /** Longer than any query timeout the gateway allows, so a hanging miner always outlasts the query. */
    private static final Duration HANG = Duration.ofSeconds(130);
    /** uvicorn's default: a burst of connections waits to be accepted instead of timing out. */
    private static final int BACKLOG = 2048;

    private final int uid;
    private final MinerBehaviour behaviour;
    private final AnswerComposer composer;
    private final long seed;
    private final double timeScale;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AxonCounters counters;
    private final Optional<SynapseVerifier> verifier;
    private final AxonStamp stamp;

    private SimulatedAxon(int uid, MinerBehaviour behaviour, AnswerComposer composer, long seed, double timeScale,
                          AxonCounters counters, SynapseVerifier verifier, AxonStamp stamp, int port)
            throws IOException {
        this.uid = uid;
        this.stamp = stamp;
        this.counters = counters;
        this.verifier = Optional.of(verifier);
        this.behaviour = behaviour;
        this.composer = composer;
        this.seed = seed;
        this.timeScale = timeScale;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** {@code port} 0 takes any free port. */
    static SimulatedAxon start(int uid, MinerBehaviour behaviour, AnswerComposer composer, long seed,
                               double timeScale, AxonCounters counters, SynapseVerifier verifier, AxonStamp stamp,
                               int port) throws IOException {
        SimulatedAxon axon = new SimulatedAxon(uid, behaviour, composer, seed, timeScale, counters, verifier, stamp,
                port);
        axon.server.start();
        return axon;
    }

    int port() {
        return server.getAddress().getPort();
    }

    MinerBehaviour behaviour() {
        return behaviour;
    }

    /**
     * Closes the exchange only after a normal answer: when {@code answer} throws, the server drops the
     * connection instead, which is how the broken-stream behaviour breaks off mid-body.
     */
    private void handle(HttpExchange exchange) throws IOException {
        counters.requests.incrementAndGet();
        try {
            stamp.stamp(exchange);
            SynapseRequestCheck.Result check = SynapseRequestCheck.of(exchange, verifier);
            if (check.accepted()) {
                answer(exchange, check.lastMessage());
            } else {
                AxonResponses.json(exchange, check.status(), check.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private void answer(HttpExchange exchange, String prompt) throws IOException, InterruptedException {
        Random random = new Random(seed * 1_000_003L + uid * 7_919L + prompt.hashCode());
        switch (behaviour) {
            case HTTP_ERROR -> AxonResponses.json(exchange, 500,
                    "{\"message\": \"Internal Server Error #" + UUID.randomUUID() + "\"}");
            case HANGING -> Thread.sleep(HANG);
            case EMPTY -> AxonResponses.startStream(exchange).close();
            case INSTANT -> {
                OutputStream body = AxonResponses.startStream(exchange);
                body.write(compose(prompt).getBytes(StandardCharsets.UTF_8));
                body.close();
            }
            case REFUSAL -> stream(exchange, words(REFUSAL), random, 60, 150, 15, 40, Integer.MAX_VALUE);
            case FAST, IMPERSONATOR -> stream(exchange, words(compose(prompt)), random, 40, 150, 15, 45, Integer.MAX_VALUE);
            case SLOW -> stream(exchange, words(compose(prompt)), random, 1_200, 2_500, 60, 140, Integer.MAX_VALUE);
            case BROKEN_STREAM -> {
                List<String> words = words(compose(prompt));
                stream(exchange, words, random, 300, 500, 20, 50, Math.max(1, words.size() / 3));
                // Dropping out of the handler with an exception makes the server close the connection
                // without ending the chunked body: the client sees the stream break off.
                throw new IOException("simulated miner " + uid + " drops its connection mid-answer");
            }
            case SLOWLORIS -> trickle(AxonResponses.startStream(exchange), "s".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(1), Integer.MAX_VALUE);
            case ENDLESS -> trickle(AxonResponses.startStream(exchange),
                    "and so on, and so forth, ".repeat(40).getBytes(StandardCharsets.UTF_8), Duration.ZERO,
                    Integer.MAX_VALUE);
            case INVALID_UTF8 -> {
                OutputStream body = AxonResponses.startStream(exchange);
                body.write("Here is ".getBytes(StandardCharsets.UTF_8));
                body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                body.write(" the answer.".getBytes(StandardCharsets.UTF_8));
                body.close();
            }
            case REDIRECT -> {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/elsewhere");
                exchange.sendResponseHeaders(302, -1);
            }
            case ERROR_TEXT -> AxonResponses.json(exchange, 200, "{\"detail\": \"CUDA out of memory\"}");
            case WRONG_CONTENT_TYPE -> {
                byte[] page = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
            case HUGE_HEADERS -> {
                for (int i = 0; i < 256; i++) {
                    exchange.getResponseHeaders().add("X-Padding-" + i, "x".repeat(4_096));
                }
                stream(exchange, words(compose(prompt)), random, 40, 150, 15, 45, Integer.MAX_VALUE);
            }
        }
    }

    /** Writes the same bytes again and again, with a pause between, until the gateway hangs up. */
    private void trickle(OutputStream body, byte[] piece, Duration pause, int times)
            throws IOException, InterruptedException {
        try {
            for (int i = 0; i < times; i++) {
                body.write(piece);
                body.flush();
                Thread.sleep(Duration.ofNanos((long) (pause.toNanos() * timeScale)));
            }
        } catch (IOException e) {
            counters.abandoned.incrementAndGet();
            throw e;
        }
    }

    private String compose(String prompt) {
        return composer.compose(prompt, seed * 131 + uid);
    }

    private void stream(HttpExchange exchange, List<String> words, Random random, int firstMin, int firstMax,
                        int gapMin, int gapMax, int limit) throws IOException, InterruptedException {
        OutputStream body = AxonResponses.startStream(exchange);
        pause(random, firstMin, firstMax);
        for (int i = 0; i < Math.min(limit, words.size()); i++) {
            if (i > 0) {
                pause(random, gapMin, gapMax);
            }
            try {
                body.write(words.get(i).getBytes(StandardCharsets.UTF_8));
                body.flush();
            } catch (IOException e) {
                counters.abandoned.incrementAndGet();
                throw e;
            }
        }
        if (limit >= words.size()) {
            body.close();
        }
    }

    private void pause(Random random, int minMillis, int maxMillis) throws InterruptedException {
        long millis = minMillis + random.nextInt(maxMillis - minMillis + 1);
        Thread.sleep(Duration.ofNanos((long) (millis * 1_000_000L * timeScale)));
    }

    /** Word-sized pieces, each keeping the space that follows it, as LLM tokens stream. */
    static List<String> words(String text) {
        return List.of(text.split("(?<=\\s)(?=\\S)"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
