package org.sn1gateway.app.sse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only list that keeps its JSON text as it grows. A {@code /chat} stream repeats everything
 * delivered so far in every chunk event; rendering each element once instead of once per event turns
 * the stream's quadratic escaping and number formatting into copying. Snapshots are what the events
 * carry: each is an immutable prefix of the list, its text shared with the list.
 */
final class RenderedList<T> {
    private final ObjectMapper json;
    private Object[] elements = new Object[16];
    private int size;
    private char[] text = new char[256];
    private int length;

    RenderedList(ObjectMapper json) {
        this.json = json;
        text[length++] = '[';
    }

    /** Appends one element, rendered as the mapper renders it on its own. */
    void add(T element) {
        String rendered = render(element);
        int needed = length + rendered.length() + 1;
        if (needed > text.length) {
            // A new array: snapshots keep the old one, whose prefix is theirs and never changes. The same
            // holds for the elements.
            text = Arrays.copyOf(text, Math.max(needed, text.length * 2));
        }
        if (size > 0) {
            text[length++] = ',';
        }
        rendered.getChars(0, rendered.length(), text, length);
        length += rendered.length();
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = element;
    }

    /** The list as it is now; later additions do not show in it. */
    List<T> snapshot() {
        return new Snapshot<>(elements, size, text, length);
    }

    private String render(T element) {
        try {
            return json.writeValueAsString(element);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not renderable as JSON: " + element, e);
        }
    }

    @JsonSerialize(using = SnapshotSerializer.class)
    private static final class Snapshot<T> extends AbstractList<T> {
        private final Object[] elements;
        private final int size;
        private final char[] text;
        private final int length;

        Snapshot(Object[] elements, int size, char[] text, int length) {
            this.elements = elements;
            this.size = size;
            this.text = text;
            this.length = length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) elements[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static final class SnapshotSerializer extends StdSerializer<Snapshot<?>> {
        @SuppressWarnings("unchecked")
        SnapshotSerializer() {
            super((Class<Snapshot<?>>) (Class<?>) Snapshot.class);
        }

        @Override
        public void serialize(Snapshot<?> list, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue(list.text, 0, list.length);
            generator.writeRaw(']');
        }
    }
}
