package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiStreamDecoderTest {
    private static final String STREAM = """
            data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

            : a comment between events
            data: {"choices":[{"index":0,"delta":{"content":"lo 🚀"},"finish_reason":null}]}

            data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: [DONE]

            data: {"choices":[{"index":0,"delta":{"content":"after done"}}]}

            """;

    private static String decodeInPieces(String stream, int pieceSize) {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            text.append(decoder.decode(ByteBuffer.wrap(bytes, i, Math.min(pieceSize, bytes.length - i))));
        }
        return text.append(decoder.finish()).toString();
    }

    @Test
    void readsTheContentDeltasWhateverTheChunkBoundariesAndStopsAtDone() {
        assertThat(decodeInPieces(STREAM, 1)).isEqualTo("Hello 🚀");
        assertThat(decodeInPieces(STREAM, 7)).isEqualTo("Hello 🚀");
        assertThat(decodeInPieces(STREAM, 4096)).isEqualTo("Hello 🚀");
    }

    @Test
    void acceptsCarriageReturnLineEndingsAndNoSpaceAfterTheColon() {
        String stream = "data:{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\r\r";

        assertThat(decodeInPieces(stream, 3)).isEqualTo("ab");
    }

    @Test
    void aStreamThatEndsWithoutABlankLineStillDeliversItsLastEvent() {
        assertThat(decodeInPieces("data: {\"choices\":[{\"delta\":{\"content\":\"end\"}}]}", 5)).isEqualTo("end");
    }

    @Test
    void joinsMultiLineDataAndSkipsChunksWithoutContent() {
        String stream = "data: {\"choices\":\ndata: [{\"delta\":{\"content\":\"x\"}}]}\n\n"
                + "data: {\"choices\":[]}\n\ndata: {\"id\":\"1\"}\n\n";

        assertThat(decodeInPieces(stream, 2)).isEqualTo("x");
    }

    @Test
    void anErrorPayloadOrAnythingButJsonIsAMalformedAnswer() {
        assertThatThrownBy(() -> decodeInPieces("data: {\"error\": \"502 - No valid response received\"}\n\n", 8))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("502 - No valid response");
        assertThatThrownBy(() -> decodeInPieces("data: <html>oops</html>\n\n", 8))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("not JSON");
    }
}
