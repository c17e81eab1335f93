package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8StreamDecoderTest {
    private final Utf8StreamDecoder decoder = new Utf8StreamDecoder();

    private String feedByteByByte(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(decoder.decode(ByteBuffer.wrap(new byte[] {b})));
        }
        return text.append(decoder.finish()).toString();
    }

    @Test
    void joinsMultiByteSequencesSplitAcrossChunks() {
        String text = "naïve café 🚀 漢字";

        assertThat(feedByteByByte(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void neverEmitsHalfASequence() {
        byte[] rocket = "🚀".getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(ByteBuffer.wrap(rocket, 0, 2))).isEmpty();
        assertThat(decoder.decode(ByteBuffer.wrap(rocket, 2, 2))).isEqualTo("🚀");
    }

    @Test
    void replacesInvalidBytesAndACutOffEndingWithReplacementCharacters() {
        assertThat(decoder.decode(ByteBuffer.wrap(new byte[] {'o', 'k', (byte) 0xff, '!'}))).isEqualTo("ok\uFFFD!");
        decoder.decode(ByteBuffer.wrap(new byte[] {(byte) 0xe6, (byte) 0xbc}));
        assertThat(decoder.finish()).isEqualTo("\uFFFD");
    }
}
