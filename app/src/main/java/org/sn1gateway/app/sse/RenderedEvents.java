package org.sn1gateway.app.sse;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.lang.reflect.Type;

/**
 * Events already rendered to their bytes, sent through Jersey's event sink as one chunk and written by
 * {@link RenderedEventsWriter}. The sink ends every chunk with a newline of its own, so {@code length} leaves
 * out the last event's final newline.
 */
record RenderedEvents(byte[] bytes, int length) implements OutboundSseEvent {
    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public String getComment() {
        return null;
    }

    @Override
    public long getReconnectDelay() {
        return -1;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return false;
    }

    @Override
    public Class<?> getType() {
        return byte[].class;
    }

    @Override
    public Type getGenericType() {
        return byte[].class;
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
        return bytes;
    }
}
