package org.sn1gateway.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on loopback that streams as OpenAI's does, quirks included:
 * CRLF line ends, a role-only first chunk, {@code : keep-alive} comments, a final chunk with
 * {@code finish_reason} and an empty delta, a usage chunk with empty {@code choices}, then {@code data: [DONE]};
 * a UTF-8 sequence split between two writes. The last user message picks what it does (see {@link Script}).
 * Every request is kept for the test to inspect.
 */
public final class OpenAiUpstreamServer implements AutoCloseable {
    /** The text every normal answer streams, in these pieces. */
    public static final List<String> PIECES = List.of("Tides rise ", "and fall — twice a day, ", "naïve 日本 ",
            "🌊 as the Moon pulls.");
    public static final String TEXT = String.join("", PIECES);
    /** The model the server says answered, as OpenAI names a dated snapshot. */
    public static final String MODEL = "gpt-4o-mini-2024-07-18";
    public static final int PROMPT_TOKENS = 11;
    public static final int COMPLETION_TOKENS = 17;

    /** What the last user message makes the server do. */
    public enum Script {
        /** Streams {@link #TEXT}. */
        STREAM,
        /** Answers a whole {@code application/json} chat.completion, as servers that cannot stream do. */
        JSON,
        /** Streams a piece, then an in-stream error object, as OpenAI and vLLM do mid-answer. */
        STREAM_ERROR,
        /** {@code 429} with {@code Retry-After: 2} and OpenAI's error body. */
        RATE_LIMITED,
        /** {@code 500} with OpenAI's error body. */
        SERVER_ERROR,
        /** {@code 200} with an HTML page, as a proxy in front of a server sends. */
        HTML,
        /** Streams invalid UTF-8 in its content. */
        BAD_UTF8,
        /** Sends the role chunk, then holds the stream open until the server closes. */
        HANG;

        /** The script a prompt names ({@code script:json}, ...), else {@link #STREAM}. */
        static Script of(String prompt) {
            Matcher named = Pattern.compile("script:(\\w+)").matcher(prompt);
            return named.find() ? valueOf(named.group(1).toUpperCase(Locale.ROOT)) : STREAM;
        }
    }

    /** A request as the server saw it. */
    public record Received(String path, Headers headers, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private OpenAiUpstreamServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port; fails (unchecked, so that a test's static field may start it) when none binds. */
    public static OpenAiUpstreamServer start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the upstream", e);
        }
        OpenAiUpstreamServer upstream = new OpenAiUpstreamServer(server);
        server.createContext("/", upstream::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return upstream;
    }

    /** The base URL of an upstream under {@code prefix} (e.g. {@code /v1}). */
    public String baseUrl(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** The next request the server received, waiting at most five seconds. */
    public Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the upstream received no request");
        }
        return next;
    }

    /** Requests received and not yet taken. */
    public List<Received> drain() {
        List<Received> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                error(exchange, 404, "Unknown path", "invalid_request_error", Map.of());
                return;
            }
            JsonNode messages = body.path("messages");
            Script script = Script.of(messages.path(messages.size() - 1).path("content").asText());
            switch (script) {
                case STREAM -> stream(exchange, body, PIECES, null);
                case STREAM_ERROR -> stream(exchange, body, PIECES.subList(0, 1),
                        "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}");
                case BAD_UTF8 -> badUtf8(exchange);
                case JSON -> whole(exchange, body);
                case RATE_LIMITED -> error(exchange, 429, "Rate limit reached for requests", "requests",
                        Map.of("Retry-After", "2"));
                case SERVER_ERROR -> error(exchange, 500, "The server had an error", "server_error", Map.of());
                case HTML -> send(exchange, 200, "text/html; charset=utf-8",
                        "<html><body>Gateway page</body></html>", Map.of());
                case HANG -> hang(exchange);
            }
        }
    }

    private void stream(HttpExchange exchange, JsonNode request, List<String> pieces, String error) throws IOException {
        OutputStream out = openStream(exchange);
        event(out, chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
        out.write(": keep-alive\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (String piece : pieces) {
            byte[] event = ("data: " + chunk("{\"content\":" + JSON.writeValueAsString(piece) + "}", null)
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            // A multi-byte character split between two writes, as TCP may split it.
            int split = firstNonAscii(event);
            out.write(event, 0, split);
            out.flush();
            out.write(event, split, event.length - split);
            out.flush();
        }
        if (error != null) {
            event(out, error);
            return;
        }
        event(out, chunk("{}", "\"stop\""));
        if (request.path("stream_options").path("include_usage").asBoolean()) {
            event(out, "{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1733300000,"
                    + "\"model\":\"" + MODEL + "\",\"system_fingerprint\":\"fp_0ba0d124f1\",\"choices\":[],\"usage\":"
                    + "{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                    + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}");
        }
        event(out, "[DONE]");
    }

    private void badUtf8(HttpExchange exchange) throws IOException {
        OutputStream out = openStream(exchange);
        out.write("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"bad ".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        out.write(" bytes\"},\"finish_reason\":null}]}\r\n\r\ndata: [DONE]\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private void hang(HttpExchange exchange) throws IOException {
        OutputStream out = openStream(exchange);
        event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i + 1;
            }
        }
        return bytes.length / 2;
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1733300000,\"model\":\""
                + MODEL + "\",\"system_fingerprint\":\"fp_0ba0d124f1\",\"choices\":"
                + "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason
                + "}],\"usage\":null}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void whole(HttpExchange exchange, JsonNode request) throws IOException {
        String body = "{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion\",\"created\":1733300000,\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + JSON.writeValueAsString(TEXT) + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}";
        send(exchange, 200, "application/json", body, Map.of());
    }

    private static void error(HttpExchange exchange, int status, String message, String type,
                              Map<String, String> headers) throws IOException {
        send(exchange, status, "application/json", "{\"error\":{\"message\":" + JSON.writeValueAsString(message)
                + ",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}", headers);
    }

    private static void send(HttpExchange exchange, int status, String type, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
