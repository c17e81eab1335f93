package org.sn1gateway.app.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sn1gateway.app.api.Seconds;
import org.sn1gateway.app.api.StreamChunk;
import org.sn1gateway.domain.service.DeliveredChunk;

/** Chunk events render their running lists once per element, and exactly as Jackson renders the lists. */
class ChatEventsTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final List<String> DELTAS = List.of("Plain ", "\"quoted\" ", "back\\slash ", "tab\tand\nline ",
            "\u0001control ", "naïve café ", "emoji 🐝 ", "</script> ", "x".repeat(300) + " ", "");

    @Test
    void eachChunkIsWhatJacksonWritesForItsPlainLists() throws Exception {
        ChatEvents events = new ChatEvents(JSON, uid -> "miner uid=" + uid);
        List<String> chunks = new ArrayList<>();
        List<Double> timings = new ArrayList<>();
        for (int i = 0; i < DELTAS.size(); i++) {
            Duration at = Duration.ofNanos(123_456_789L * (i + 1) + i);
            boolean last = i == DELTAS.size() - 1;
            String written = JSON.writeValueAsString(events.chunk(
                    new DeliveredChunk(i + 1, DELTAS.get(i), at, 7, last)).data());
            if (!last) {
                chunks.add(DELTAS.get(i));
                timings.add(Seconds.of(at));
            }
            String timestamp = JSON.readTree(written).get("timestamp").asText();
            StreamChunk plain = new StreamChunk(DELTAS.get(i), last ? StreamChunk.FINISHED : null,
                    new ArrayList<>(chunks), new ArrayList<>(timings), timestamp, i + 1, 7);

            assertThat(written).isEqualTo(JSON.writeValueAsString(plain));
        }
    }

    @Test
    void anEarlierEventKeepsItsListsWhenLaterChunksArrive() throws Exception {
        ChatEvents events = new ChatEvents(JSON, uid -> "miner uid=" + uid);
        Object first = events.chunk(new DeliveredChunk(1, "one ", Duration.ofMillis(10), 0, false)).data();
        String before = JSON.writeValueAsString(first);
        for (int i = 2; i < 200; i++) {
            events.chunk(new DeliveredChunk(i, "more ", Duration.ofMillis(10L * i), 0, false));
        }

        assertThat(JSON.writeValueAsString(first)).isEqualTo(before);
        assertThat(((StreamChunk) first).accumulatedChunks()).containsExactly("one ");
        assertThat(((StreamChunk) first).accumulatedChunksTimings()).containsExactly(0.01);
    }
}
