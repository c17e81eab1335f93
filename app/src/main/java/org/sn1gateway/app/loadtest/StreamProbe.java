package org.sn1gateway.app.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sends one streamed chat and reads its Server-Sent Events as they arrive, timing the first chunk with
 * text and the end. Understands both APIs: the Subnet 1 API's {@code chunk}/{@code error}/{@code done}
 * events, and OpenAI's {@code data:} lines ending in {@code [DONE]}.
 */
final class StreamProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final HttpRequest request;
    private final boolean openAi;
    private final Duration timeout;

    StreamProbe(HttpClient client, URI target, String apiKey, String body, boolean openAi, Duration timeout) {
        this.client = client;
        this.openAi = openAi;
        this.timeout = timeout;
        this.request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** @throws KeyRefusedException when the server answers 401 or 403 */
    StreamOutcome run() {
        long start = System.nanoTime();
        try (ChatDeadline deadline = new ChatDeadline(timeout)) {
            StreamOutcome outcome = exchange(start);
            return deadline.expired() && !outcome.succeeded() ? timedOut(start) : outcome;
        }
    }

    private StreamOutcome exchange(long start) {
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> body = response.body()) {
                Iterator<String> lines = body.iterator();
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw new KeyRefusedException(response.statusCode(), serverMessage(lines));
                }
                StreamOutcome outcome = response.statusCode() != 200
                        ? new StreamOutcome(-1, System.nanoTime() - start, 0, "http_" + response.statusCode())
                        : openAi ? readOpenAi(lines, start) : readSubnet(lines, start);
                drain(lines);
                return outcome;
            }
        } catch (HttpTimeoutException e) {
            return timedOut(start);
        } catch (KeyRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return new StreamOutcome(-1, System.nanoTime() - start, 0, "io_" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StreamOutcome(-1, System.nanoTime() - start, 0, "interrupted");
        }
    }

    /** The {@code message} of an error body, in either API's shape, or the body's text; at most a line. */
    private static String serverMessage(Iterator<String> lines) {
        StringBuilder body = new StringBuilder();
        lines.forEachRemaining(line -> body.append(line).append(' '));
        String text = body.toString().strip();
        try {
            JsonNode message = JSON.readTree(text).findValue("message");
            if (message != null && message.isTextual()) {
                text = message.asText();
            }
        } catch (IOException notJson) {
            // The text itself, then.
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static StreamOutcome timedOut(long start) {
        return new StreamOutcome(-1, System.nanoTime() - start, 0, "timeout");
    }

    private static StreamOutcome readSubnet(Iterator<String> lines, long start) {
        String event = "message";
        long first = -1;
        int chunks = 0;
        String error = null;
        MinerTimes miners = new MinerTimes();
        int selectedUid = -1;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                switch (event) {
                    case "chunk" -> {
                        if (!line.contains("\"delta\":\"\"")) {
                            chunks++;
                            if (first < 0) {
                                first = System.nanoTime() - start;
                                selectedUid = MinerTimes.selectedUid(line.substring(5));
                            }
                        }
                    }
                    case "miner" -> miners.add(line.substring(5));
                    case "error" -> error = "stream_error";
                    case "done" -> {
                        return new StreamOutcome(first, System.nanoTime() - start, chunks, error,
                                miners.added(selectedUid, first));
                    }
                    default -> { }
                }
            }
        }
        return new StreamOutcome(first, System.nanoTime() - start, chunks, error == null ? "no_done_event" : error);
    }

    private static StreamOutcome readOpenAi(Iterator<String> lines, long start) {
        long first = -1;
        int chunks = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                return new StreamOutcome(first, System.nanoTime() - start, chunks, null);
            }
            if (data.contains("\"error\"")) {
                return new StreamOutcome(first, System.nanoTime() - start, chunks, "stream_error");
            }
            if (data.contains("\"content\":\"") && !data.contains("\"content\":\"\"")) {
                chunks++;
                first = first < 0 ? System.nanoTime() - start : first;
            }
        }
        return new StreamOutcome(first, System.nanoTime() - start, chunks, "no_done_line");
    }

    /**
     * Reads the stream to its end, which follows its last event (or an error response) at once. A stream
     * closed before its end costs its HTTP/1.1 connection: the next chat would open a new one, as a client
     * that keeps its connections would not, and time connecting as part of its first chunk. On HTTP/2 it
     * costs a reset, and a burst of resets is what servers take for an attack and close the connection
     * for, with every other stream on it.
     */
    private static void drain(Iterator<String> lines) {
        while (lines.hasNext()) {
            lines.next();
        }
    }

    /**
     * Each miner's time to first chunk as the gateway measured it (from the start of its query), read from
     * a traced chat's {@code miner} events. What the client waited beyond that is the gateway's own share:
     * reading and checking the request before the query starts, and passing the chunk on.
     */
    private static final class MinerTimes {
        private final Map<Integer, Double> secondsByUid = new HashMap<>();

        void add(String data) {
            try {
                JsonNode miner = JSON.readTree(data);
                JsonNode seconds = miner.path("time_to_first_chunk");
                if (seconds.isNumber()) {
                    secondsByUid.put(miner.path("uid").asInt(), seconds.asDouble());
                }
            } catch (IOException unreadable) {
                // A trace event we cannot read only leaves this chat without an added time.
            }
        }

        static int selectedUid(String chunk) {
            try {
                return JSON.readTree(chunk).path("selected_uid").asInt(-1);
            } catch (IOException unreadable) {
                return -1;
            }
        }

        long added(int uid, long clientNanos) {
            Double seconds = secondsByUid.get(uid);
            return seconds == null || clientNanos < 0 ? -1 : Math.max(0, clientNanos - Math.round(seconds * 1e9));
        }
    }
}
