package org.sn1gateway.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One miner's part in a query, with its timings measured from the start of the query.
 *
 * @param reason           why no usable answer came, or null
 * @param timeToFirstChunk null when no text arrived
 * @param totalTime        null while the miner is still answering
 * @param chunkTimings     arrival time of every chunk
 * @param characters       Unicode code points received
 * @param selected         whether its answer went to the client (even if it later failed)
 * @param text             everything it sent (the query log stores it only when configured to)
 * @param usage            the tokens it took, when its server reported them (OpenAI-compatible upstreams), else null
 */
public record MinerResponse(int uid, String hotkey, MinerStatus status, Reason reason, Duration timeToFirstChunk,
                            Duration totalTime, List<Duration> chunkTimings, int characters, boolean selected,
                            String text, TokenUsage usage) {
    /** A part whose server reported no token counts, as miners' never do. */
    public MinerResponse(int uid, String hotkey, MinerStatus status, Reason reason, Duration timeToFirstChunk,
                         Duration totalTime, List<Duration> chunkTimings, int characters, boolean selected,
                         String text) {
        this(uid, hotkey, status, reason, timeToFirstChunk, totalTime, chunkTimings, characters, selected, text,
                null);
    }

    public MinerResponse {
        Objects.requireNonNull(hotkey, "hotkey");
        Objects.requireNonNull(status, "status");
        chunkTimings = List.copyOf(chunkTimings);
        Objects.requireNonNull(text, "text");
    }

    /** The reason as people read it, or null. */
    public String reasonText() {
        return reason == null ? null : reason.text();
    }

    public int chunks() {
        return chunkTimings.size();
    }
}
