package org.sn1gateway.app.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
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
 * anyone has answered: the {@code done} summary names who did ({@code answered_by}).
 */
public final class SseChatStream extends EventPump {
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final ChatEvents events;

    public SseChatStream(SseEventSink sink, Sse sse, ObjectMapper json, Duration heartbeat,
                         StreamCounters counters, boolean trace, AnswerSources sources) {
        super(heartbeat, counters, trace);
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.events = new ChatEvents(json, sources);
    }

    @Override
    protected void chunk(DeliveredChunk chunk) throws ClientGoneException {
        send(events.chunk(chunk));
    }

    @Override
    protected void error(ChatError error) throws ClientGoneException {
        send(events.error(error));
    }

    @Override
    protected void done(ChatSummary summary) throws ClientGoneException {
        send(events.done(summary));
    }

    @Override
    protected void miner(MinerEvent event) throws ClientGoneException {
        send(events.miner(event));
    }

    @Override
    protected void heartbeat() throws ClientGoneException {
        send(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    protected void close() {
        sink.close();
    }

    private void send(ChatEvents.Named named) throws ClientGoneException {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().name(named.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, serialise(named.data()));
        if (named.id() != null) {
            builder.id(named.id());
        }
        send(builder.build());
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
