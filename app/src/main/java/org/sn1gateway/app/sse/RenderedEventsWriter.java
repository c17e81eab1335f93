package org.sn1gateway.app.sse;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes {@link RenderedEvents} as they are: Jersey chooses it over its own event writer for that type. */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public final class RenderedEventsWriter implements MessageBodyWriter<RenderedEvents> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RenderedEvents.class;
    }

    @Override
    public void writeTo(RenderedEvents events, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        out.write(events.bytes(), 0, events.length());
    }
}
