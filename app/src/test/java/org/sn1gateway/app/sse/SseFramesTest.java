package org.sn1gateway.app.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bytes are those Jersey's own event writer and event sink put on the wire (its {@code OutboundEventWriter}
 * followed by the sink's newline after every event), so that rendering events here changes nothing a client sees.
 */
class SseFramesTest {
    private static String rendered(SseFrames frames) {
        return new String(frames.take(), StandardCharsets.UTF_8);
    }

    @Test
    void aNamedEventWithAnIdIsItsFieldsThenABlankLine() {
        SseFrames frames = new SseFrames();
        frames.event("chunk", "3", "{\"delta\":\"naïve 🐝\"}");

        assertThat(rendered(frames)).isEqualTo("event: chunk\nid: 3\ndata: {\"delta\":\"naïve 🐝\"}\n\n");
    }

    @Test
    void anEventWithoutIdHasNoIdLine() {
        SseFrames frames = new SseFrames();
        frames.event("done", null, "{}");

        assertThat(rendered(frames)).isEqualTo("event: done\ndata: {}\n\n");
    }

    @Test
    void aHeartbeatIsACommentLineThenABlankLine() {
        SseFrames frames = new SseFrames();
        frames.comment("keep-alive");

        assertThat(rendered(frames)).isEqualTo(": keep-alive\n\n");
    }

    @Test
    void eventsRenderedTogetherAreTheirFramesInTurn() {
        SseFrames frames = new SseFrames();
        frames.event("chunk", "1", "{\"a\":1}");
        frames.comment("keep-alive");
        frames.event("done", null, "{\"b\":2}");

        assertThat(rendered(frames))
                .isEqualTo("event: chunk\nid: 1\ndata: {\"a\":1}\n\n: keep-alive\n\nevent: done\ndata: {\"b\":2}\n\n");
        assertThat(frames.isEmpty()).isTrue();
    }

    @Test
    void dataOfSeveralLinesGetsADataLineEachAsJerseySplitsThem() {
        SseFrames frames = new SseFrames();
        frames.event("x", null, "one\ntwo\r\nthree\rfour\n");

        assertThat(rendered(frames)).isEqualTo("event: x\ndata: one\ndata: two\ndata: three\ndata: four\ndata: \n\n");
    }

    @Test
    void lineBreaksInNamesAndIdsAreDropped() {
        SseFrames frames = new SseFrames();
        frames.event("ch\nunk", "1\r2", "{}");

        assertThat(rendered(frames)).isEqualTo("event: chunk\nid: 12\ndata: {}\n\n");
    }

    @Test
    void emptyDataHasNoDataLine() {
        SseFrames frames = new SseFrames();
        frames.event("x", null, "");

        assertThat(rendered(frames)).isEqualTo("event: x\n\n");
    }
}
