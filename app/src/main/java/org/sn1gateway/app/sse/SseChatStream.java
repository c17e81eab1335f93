package org.sn1gateway.app.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;

/**
 * Streams one query's answer in the Subnet 1 API's shape: named {@code chunk}, {@code error} and
 * {@code done} events, and {@code miner} events when traced. Its headers go out when the stream opens, before
 * anyone has answered: the {@code done} summary names who did ({@code answered_by}). Events are rendered
 * to bytes here and those waiting together leave in one write (see {@link SseFrames}).
 */
public final class SseChatStream extends EventPump {
    /** Events waiting together go out in one write up to this size; a chunk event alone may be larger. */
    private static final int BATCH_BYTES = 32 * 1024;

    private final SseEventSink sink;
    private final ObjectMapper json;
    private final ChatEvents events;
    private final SseFrames frames = new SseFrames();

    public SseChatStream(SseEventSink sink, ObjectMapper json, Duration heartbeat,
                         StreamCounters counters, boolean trace, AnswerSources sources) {
        super(heartbeat, counters, trace);
        this.sink = sink;
        this.json = json;
        this.events = new ChatEvents(json, sources);
    }

    @Override
    protected void chunk(DeliveredChunk chunk) {
        render(events.chunk(chunk));
    }

    @Override
    protected void error(ChatError error) {
        render(events.error(error));
    }

    @Override
    protected void done(ChatSummary summary) {
        render(events.done(summary));
    }

    @Override
    protected void miner(MinerEvent event) {
        render(events.miner(event));
    }

    @Override
    protected void heartbeat() {
        frames.comment("keep-alive");
    }

    /** Sends what has been rendered since the last flush, as one write. */
    @Override
    protected void flush() throws ClientGoneException {
        if (frames.isEmpty()) {
            return;
        }
        byte[] bytes = frames.take();
        send(new RenderedEvents(bytes, bytes.length - 1));
    }

    @Override
    protected boolean batchFull() {
        return frames.size() >= BATCH_BYTES;
    }

    @Override
    protected void close() {
        sink.close();
    }

    private void render(ChatEvents.Named named) {
        frames.event(named.name(), named.id(), serialise(named.data()));
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API records always serialise", e);
        }
    }

    private void send(OutboundSseEvent event) throws ClientGoneException {
        if (sink.isClosed()) {
            throw new ClientGoneException();
        }
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (CompletionException | IllegalStateException | UncheckedIOException | ProcessingException e) {
            // Jersey and Jetty report a reset HTTP/2 stream in all of these ways.
            throw new ClientGoneException();
        }
    }
}
