package org.sn1gateway.adapters.dendrite;

import java.nio.ByteBuffer;

/** Turns a protocol's streamed response body into answer text. One per call; not thread-safe. */
interface AnswerDecoder {
    /** The answer text this piece of the body carries (possibly empty). */
    String decode(ByteBuffer bytes);

    /** The text left when the body ends. */
    String finish();
}
