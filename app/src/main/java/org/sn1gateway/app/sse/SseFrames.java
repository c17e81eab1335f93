package org.sn1gateway.app.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Server-Sent Events rendered to bytes exactly as Jersey's own event writer renders them ({@code event:},
 * {@code id:}, one {@code data:} line a line of data, a blank line; {@code : comment} lines), so that the
 * events waiting to go out can leave in one write and one flush instead of one each, without Jersey's
 * per-event writer look-ups and encoders. One per stream, used by its writer thread only.
 */
final class SseFrames {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMENT = ": ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private byte[] bytes = new byte[0];
    private int length;

    /** A named event; {@code id} may be null. Its data is text of any lines. */
    void event(String name, String id, String data) {
        put(EVENT);
        put(field(name));
        put('\n');
        if (id != null) {
            put(ID);
            put(field(id));
            put('\n');
        }
        if (!data.isEmpty()) {
            data(data.getBytes(StandardCharsets.UTF_8));
            put('\n');
        }
        put('\n');
    }

    /** A comment line, which clients ignore: a heartbeat. */
    void comment(String text) {
        for (String line : LINE_BREAK.split(text)) {
            put(COMMENT);
            put(line.getBytes(StandardCharsets.UTF_8));
            put('\n');
        }
        put('\n');
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** How many bytes wait to be taken. */
    int size() {
        return length;
    }

    /** What was rendered since the last call, and a fresh start; the buffer is not kept between batches. */
    byte[] take() {
        byte[] taken = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        bytes = new byte[0];
        length = 0;
        return taken;
    }

    /** Data lines as Jersey splits them: at CR LF, CR or LF, each line after the first with its own lead. */
    private void data(byte[] data) {
        put(DATA);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == '\n' || b == '\r') {
                put(data, start, i - start);
                put('\n');
                put(DATA);
                if (b == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        put(data, start, data.length - start);
    }

    private static byte[] field(String value) {
        return value.replace("\r", "").replace("\n", "").getBytes(StandardCharsets.UTF_8);
    }

    private void put(byte[] part) {
        put(part, 0, part.length);
    }

    private void put(byte[] part, int offset, int count) {
        ensure(count);
        System.arraycopy(part, offset, bytes, length, count);
        length += count;
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, Math.max(256, bytes.length * 2)));
        }
    }
}
