package org.sn1gateway.app.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.glassfish.jersey.server.ChunkedOutput;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.ChatUsageView;
import org.sn1gateway.app.api.FailureStatus;
import org.sn1gateway.app.api.MinerTraceView;
import org.sn1gateway.app.api.openai.ChatCompletionChunk.Delta;
import org.sn1gateway.app.api.openai.ChatCompletionChunk;
import org.sn1gateway.app.api.openai.OpenAiError;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatHandle;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;

/**
 * Streams an answer as OpenAI {@code chat.completion.chunk} events: a role delta, content deltas, a
 * {@code stop} chunk, with {@code stream_options.include_usage} a chunk with no choices and the chat's
 * {@code usage}, then {@code data: [DONE]} and nothing after it. The response is committed only when
 * the first event arrives, so a query that fails before any text gets a real error status (503, 502, 504)
 * with an OpenAI error object; after that, an error travels in the stream and no {@code [DONE]} follows.
 */
public final class OpenAiStream extends EventPump {
    private final AsyncResponse response;
    private final ObjectMapper json;
    private String id;
    private final long created = Instant.now().getEpochSecond();
    private final String requestedModel;
    private String model;
    private final AnswerSources sources;
    private final boolean includeUsage;
    private final ChunkedOutput<String> output = new ChunkedOutput<>(String.class);
    private boolean started;
    private boolean answered;
    private boolean failed;

    public OpenAiStream(AsyncResponse response, ObjectMapper json, Duration heartbeat, StreamCounters counters,
                        boolean trace, String model, boolean includeUsage,
                        AnswerSources sources) {
        super(heartbeat, counters, trace);
        this.response = response;
        this.json = json;
        this.requestedModel = model;
        this.model = model;
        this.sources = sources;
        this.includeUsage = includeUsage;
    }

    @Override
    protected void begin(ChatHandle query) {
        id = "chatcmpl-" + query.queryId();
    }

    @Override
    protected void chunk(DeliveredChunk chunk) throws ClientGoneException {
        // The delivered answer's model names the chunks from now on, and, if the stream is not yet open,
        // its source goes in the headers.
        model = sources.model(chunk.uid()).orElse(requestedModel);
        start(chunk);
        write(chunk.last()
                ? ChatCompletionChunk.of(id, created, model, new Delta(null, null), "stop")
                : ChatCompletionChunk.of(id, created, model, new Delta(null, chunk.delta()), null));
    }

    @Override
    protected void error(ChatError error) throws ClientGoneException {
        failed = true;
        int status = FailureStatus.of(error.outcome());
        OpenAiError body = OpenAiError.of(status, error.message(), error.outcome().wireName());
        if (started) {
            frame("data: " + serialise(body) + "\n\n");
        } else {
            answered = true;
            response.resume(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
        }
    }

    @Override
    protected void done(ChatSummary summary) throws ClientGoneException {
        if (!started || failed) {
            return;
        }
        if (includeUsage) {
            write(ChatCompletionChunk.usage(id, created, model, ChatUsageView.of(summary.usage())));
        }
        frame("data: [DONE]\n\n");
    }

    /** A traced miner step, as a chunk that OpenAI clients read like any other (see ChatCompletionChunk). */
    @Override
    protected void miner(MinerEvent event) throws ClientGoneException {
        start(null);
        write(ChatCompletionChunk.trace(id, created, model, MinerTraceView.of(event, sources)));
    }

    @Override
    protected void heartbeat() throws ClientGoneException {
        // A long wait (prefer=longest) commits the stream early, so that proxies see bytes and keep it open.
        start(null);
        frame(": keep-alive\n\n");
    }

    @Override
    protected void close() {
        try {
            output.close();
        } catch (IOException e) {
            // The client is gone; there is nothing left to close.
        }
        if (!answered) {
            response.cancel();
        }
    }

    /**
     * Commits a 200 event stream and sends the role delta every OpenAI stream opens with; {@code first}, the
     * answer's first chunk if that is what opens it, names who answered in the headers.
     */
    private void start(DeliveredChunk first) throws ClientGoneException {
        if (started) {
            return;
        }
        started = true;
        answered = true;
        Response.ResponseBuilder ok = Response.ok(output, MediaType.SERVER_SENT_EVENTS_TYPE);
        if (first != null) {
            ok.header(AnswerSources.HEADER, sources.describe(first.uid()));
        }
        response.resume(ok.build());
        write(ChatCompletionChunk.of(id, created, model, new Delta("assistant", ""), null));
    }

    private void write(ChatCompletionChunk chunk) throws ClientGoneException {
        frame("data: " + serialise(chunk) + "\n\n");
    }

    private void frame(String text) throws ClientGoneException {
        if (output.isClosed()) {
            throw new ClientGoneException();
        }
        try {
            output.write(text);
        } catch (IOException | UncheckedIOException | IllegalStateException | ProcessingException e) {
            // Jersey and Jetty report a reset HTTP/2 stream in all of these ways.
            throw new ClientGoneException();
        }
    }

    private String serialise(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API records always serialise", e);
        }
    }
}
