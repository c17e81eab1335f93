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
 * @param wave             which wave of the query asked it: 1 for the first, then one more for each failover
 *                         or hedge
 * @param usage            the tokens it took, when its server reported them (OpenAI-compatible upstreams), else null
 */
public record MinerResponse(int uid, String hotkey, MinerStatus status, Reason reason, Duration timeToFirstChunk,
                            Duration totalTime, List<Duration> chunkTimings, int characters, boolean selected,
                            String text, int wave, TokenUsage usage) {
    public MinerResponse {
        Objects.requireNonNull(hotkey, "hotkey");
        Objects.requireNonNull(status, "status");
        chunkTimings = List.copyOf(chunkTimings);
        Objects.requireNonNull(text, "text");
        if (wave < 1) {
            throw new IllegalArgumentException("wave must be at least 1, was " + wave);
        }
    }

    /** A miner of the query's first wave whose server reported no token counts, as miners' never do. */
    public MinerResponse(int uid, String hotkey, MinerStatus status, Reason reason, Duration timeToFirstChunk,
                         Duration totalTime, List<Duration> chunkTimings, int characters, boolean selected,
                         String text) {
        this(uid, hotkey, status, reason, timeToFirstChunk, totalTime, chunkTimings, characters, selected, text, 1,
                null);
    }

    /** A miner of the given wave whose server reported no token counts. */
    public MinerResponse(int uid, String hotkey, MinerStatus status, Reason reason, Duration timeToFirstChunk,
                         Duration totalTime, List<Duration> chunkTimings, int characters, boolean selected,
                         String text, int wave) {
        this(uid, hotkey, status, reason, timeToFirstChunk, totalTime, chunkTimings, characters, selected, text, wave,
                null);
    }

    /** The reason as people read it, or null. */
    public String reasonText() {
        return reason == null ? null : reason.text();
    }

    public int chunks() {
        return chunkTimings.size();
    }
}
