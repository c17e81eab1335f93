package org.sn1gateway.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Consumes a chat stream with Jersey's {@link SseEventSource}, exactly as a Java client would. The source
 * only issues GET, so a client filter turns its request into the POST that carries the chat.
 */
public final class SseChat implements AutoCloseable {
    /** One received event: its name, id and parsed JSON data. */
    public record Event(String name, String id, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SseEventSource source;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final List<Event> events = new ArrayList<>();

    private SseChat(WebTarget target, String body, String apiKey) {
        ClientRequestFilter asPost = request -> {
            request.setMethod("POST");
            request.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
            request.getHeaders().putSingle("api_key", apiKey);
        };
        this.source = SseEventSource.target(target.register(asPost)).reconnectingEvery(1, TimeUnit.HOURS).build();
        source.register(this::receive, received::add);
    }

    /**
     * An SseEventSource reconnects when the server ends a stream, which here would send the chat again:
     * the source is closed the moment {@code done} arrives, on the event thread, before the end of stream.
     */
    private void receive(InboundSseEvent event) {
        received.add(event);
        if ("done".equals(event.getName())) {
            source.close(0, TimeUnit.SECONDS);
        }
    }

    /** Opens the stream; events are collected as they arrive. */
    public static SseChat open(WebTarget target, String body, String apiKey) {
        SseChat chat = new SseChat(target, body, apiKey);
        chat.source.open();
        return chat;
    }

    /** The next event, waiting at most {@code limit}; fails on a transport error or when none comes. */
    public Event next(Duration limit) throws Exception {
        Object item = received.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no event within " + limit + "; received so far: " + events);
        }
        if (item instanceof Throwable error) {
            throw new AssertionError("the stream failed after " + events, error);
        }
        InboundSseEvent inbound = (InboundSseEvent) item;
        if (inbound.getName() == null && inbound.isEmpty()) {
            return next(limit); // a keep-alive comment, not an event
        }
        Event event = new Event(inbound.getName(), inbound.getId(), JSON.readTree(inbound.readData()));
        events.add(event);
        return event;
    }

    /** Every event up to and including {@code done}; closes the source so that it does not reconnect. */
    public List<Event> untilDone(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Event event;
        do {
            event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } while (!"done".equals(event.name()));
        close();
        return List.copyOf(events);
    }

    @Override
    public void close() {
        source.close();
    }
}
