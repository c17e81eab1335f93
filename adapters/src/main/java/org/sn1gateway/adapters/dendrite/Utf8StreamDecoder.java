package org.sn1gateway.adapters.dendrite;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream whose chunk boundaries may split a UTF-8 sequence. Invalid bytes become U+FFFD,
 * which the cleaning rules can see, rather than failing the whole answer. Not thread-safe.
 */
public final class Utf8StreamDecoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a sequence the previous chunk cut off (at most 3 bytes). */
    private ByteBuffer carry = ByteBuffer.allocate(0);

    /** The text this chunk completes; empty when it only starts a sequence. */
    public String decode(ByteBuffer chunk) {
        ByteBuffer input = carry.hasRemaining() ? join(carry, chunk) : chunk;
        CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, output, false);
        carry = copyOf(input);
        return output.flip().toString();
    }

    /** The text left at the end of the stream (a cut-off sequence becomes U+FFFD). */
    public String finish() {
        CharBuffer output = CharBuffer.allocate(carry.remaining() + 2);
        decoder.decode(carry, output, true);
        decoder.flush(output);
        carry = ByteBuffer.allocate(0);
        return output.flip().toString();
    }

    private static ByteBuffer join(ByteBuffer first, ByteBuffer second) {
        ByteBuffer joined = ByteBuffer.allocate(first.remaining() + second.remaining());
        return joined.put(first).put(second).flip();
    }

    private static ByteBuffer copyOf(ByteBuffer rest) {
        ByteBuffer copy = ByteBuffer.allocate(rest.remaining());
        return copy.put(rest).flip();
    }
}
