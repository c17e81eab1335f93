package org.sn1gateway.adapters.subtensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 over one WebSocket to a subtensor node (bittensor.md §6.2): answers are matched by id
 * (they may come out of order), messages of several fragments are joined up to a size cap, each call has
 * its own timeout, a lost connection fails every call under way, and the next call reconnects, no sooner
 * than an exponential backoff allows, so a dead node is not hammered.
 */
public final class JsonRpcClient implements AutoCloseable {
    /** @param maxMessageBytes the largest message accepted (a neurons-lite answer is several hundred KB) */
    public record Settings(Duration connectTimeout, Duration callTimeout, int maxMessageBytes, Duration firstBackoff,
                           Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 16 << 20, Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Object connecting = new Object();
    private volatile WebSocket socket;
    private Instant nextAttempt = Instant.MIN;
    private Duration backoff;
    private String lastConnectError;

    public JsonRpcClient(URI endpoint, Settings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.backoff = settings.firstBackoff();
    }

    /** Calls a method and waits for its result; throws {@link SubtensorException} for every failure. */
    public JsonNode call(String method, List<?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
            request.set("params", JSON.valueToTree(params));
            send(method, request.toString());
            return answer.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure(method, "no answer within " + settings.callTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw failure(method, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(method, "interrupted");
        } finally {
            pending.remove(id);
        }
    }

    private SubtensorException failure(String method, String what) {
        return new SubtensorException(endpoint + " " + method + ": " + what);
    }

    private void send(String method, String text) {
        WebSocket open = connected();
        try {
            synchronized (this) { // the JDK's WebSocket takes one outstanding send at a time
                open.sendText(text, true).join();
            }
        } catch (RuntimeException e) {
            lost(open, e.getMessage());
            throw failure(method, "connection lost while sending: " + e.getMessage());
        }
    }

    private WebSocket connected() {
        synchronized (connecting) {
            WebSocket current = socket;
            if (current != null && !current.isOutputClosed()) {
                return current;
            }
            if (Instant.now().isBefore(nextAttempt)) {
                throw new SubtensorException(endpoint + ": not reconnecting before " + nextAttempt + " (last error: "
                        + lastConnectError + ")");
            }
            try {
                socket = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                        .buildAsync(endpoint, new Listener()).get(settings.connectTimeout().toMillis() * 2,
                                TimeUnit.MILLISECONDS);
                backoff = settings.firstBackoff();
                return socket;
            } catch (Exception e) {
                lastConnectError = whyNotConnected(e);
                nextAttempt = Instant.now().plus(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
                throw new SubtensorException("cannot connect to " + endpoint + ": " + lastConnectError);
            }
        }
    }

    /**
     * The JDK reports a failed connect as a bare {@code ConnectException} without a message, with the
     * reason only in the class of its cause: say it in words, so that the operator's one line explains it.
     */
    static String whyNotConnected(Throwable error) {
        Throwable first = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
        for (Throwable cause = first; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "the host name does not resolve (no DNS, or no internet?)";
            }
            if (cause instanceof TimeoutException || cause instanceof HttpConnectTimeoutException) {
                return "no connection within the connect timeout";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return first instanceof ConnectException ? "the connection was refused" : first.getClass().getSimpleName();
    }

    private void dispatch(String message) {
        try {
            JsonNode answer = JSON.readTree(message);
            CompletableFuture<JsonNode> call = pending.get(answer.path("id").asLong(-1));
            if (call == null) {
                return; // an answer to a call that already timed out, or a subscription notice
            }
            if (answer.has("error")) {
                JsonNode error = answer.get("error");
                call.completeExceptionally(new SubtensorException("error " + error.path("code").asText() + ": "
                        + error.path("message").asText()));
            } else {
                call.complete(answer.get("result"));
            }
        } catch (Exception e) {
            // Not JSON: nothing to match it to.
        }
    }

    /**
     * Fails the calls under way when the current connection is lost. A closed socket may report twice
     * (error, then close), possibly after a new connection is up: events of a stale socket are ignored.
     */
    private void lost(WebSocket which, String why) {
        List<CompletableFuture<JsonNode>> underWay;
        synchronized (connecting) {
            if (which != socket) {
                return;
            }
            socket = null;
            // The calls of this connection only: once the first of them fails, its caller may already be
            // making a new call on a new connection, which a live view of the map would fail too.
            underWay = List.copyOf(pending.values());
        }
        underWay.forEach(call -> call.completeExceptionally(new SubtensorException("connection lost: " + why)));
    }

    @Override
    public void close() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
            lost(current, "client closed");
        }
    }

    /** Joins fragments into messages and routes them; never grows past the size cap. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (message.length() + data.length() > settings.maxMessageBytes()) {
                message.setLength(0);
                webSocket.abort();
                lost(webSocket, "a message exceeded " + settings.maxMessageBytes() + " bytes");
                return null;
            }
            message.append(data);
            if (last) {
                String complete = message.toString();
                message.setLength(0);
                dispatch(complete);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(webSocket, "the node closed the connection (" + statusCode + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(webSocket, error.toString());
        }
    }
}
