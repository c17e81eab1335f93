package org.sn1gateway.domain.port;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;

/** Where every finished query and its miners' timings are kept for analysis. */
public interface QueryLog {
    /**
     * Hands over a finished query. Must not block the caller on I/O (it runs on the query's
     * network threads); implementations queue and write in the background, and report, never
     * silently drop, what they cannot keep.
     */
    void record(QueryRecord query);

    /**
     * Recent per-miner statistics by uid, from a snapshot the implementation refreshes in the background:
     * cheap, never I/O on the caller's thread. Empty until there is history.
     */
    Map<Integer, MinerStats> recentMinerStats();

    /**
     * The 90th percentile of every miner's time to first chunk over the same recent window, from the same
     * snapshot; empty until some miner sent text. Chats wait this long for usable text before they hedge.
     */
    default Optional<Duration> recentFirstChunkP90() {
        return Optional.empty();
    }
}
