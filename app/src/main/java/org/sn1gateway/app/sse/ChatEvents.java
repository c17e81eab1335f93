package org.sn1gateway.app.sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.app.api.MinerTraceView;
import org.sn1gateway.app.api.ChatSummaryView;
import org.sn1gateway.app.api.Seconds;
import org.sn1gateway.app.api.StreamChunk;
import org.sn1gateway.app.api.StreamError;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;

/**
 * Maps the domain's answer events to the Subnet 1 API's event payloads, keeping the running lists each
 * chunk repeats, already rendered. One per stream; used by its writer thread only.
 */
final class ChatEvents {
    /** A named SSE event ready to serialise; {@code id} is null for events without one. */
    record Named(String name, String id, Object data) {
    }

    private final RenderedList<String> chunks;
    private final RenderedList<Double> timings;
    private final AnswerSources sources;
    private int lastSequence;

    /**
     * @param json    the mapper that serialises the events
     * @param sources names who answered, in the {@code done} summary
     */
    ChatEvents(ObjectMapper json, AnswerSources sources) {
        this.sources = sources;
        chunks = new RenderedList<>(json);
        timings = new RenderedList<>(json);
    }

    Named chunk(DeliveredChunk chunk) {
        if (!chunk.last()) {
            chunks.add(chunk.delta());
            timings.add(Seconds.of(chunk.receivedAt()));
        }
        lastSequence = chunk.sequence();
        StreamChunk data = new StreamChunk(chunk.delta(), chunk.last() ? StreamChunk.FINISHED : null,
                chunks.snapshot(), timings.snapshot(), Instant.now().toString(), chunk.sequence(), chunk.uid());
        return new Named("chunk", Integer.toString(chunk.sequence()), data);
    }

    Named error(ChatError error) {
        lastSequence++;
        return new Named("error", Integer.toString(lastSequence),
                StreamError.of(error.message(), Instant.now().toString(), lastSequence));
    }

    Named miner(MinerEvent event) {
        return new Named("miner", null, MinerTraceView.of(event, sources));
    }

    Named done(ChatSummary summary) {
        return new Named("done", null, ChatSummaryView.of(summary, sources));
    }
}
