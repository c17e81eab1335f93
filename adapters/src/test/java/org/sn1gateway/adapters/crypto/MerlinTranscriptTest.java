package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MerlinTranscriptTest {
    @Test
    void matchesTheMerlinReferenceVector() {
        MerlinTranscript transcript = MerlinTranscript.create("test protocol");
        transcript.append("some label", MerlinTranscript.ascii("some data"));

        assertThat(HexFormat.of().formatHex(transcript.challenge("challenge", 32)))
                .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
    }
}
