package org.sn1gateway.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;

/** Durable storage for finished queries, written in batches. */
public interface QueryLogStore {
    /** Writes every record or none; throws when the store cannot be reached. Blocks on I/O. */
    void write(List<QueryRecord> records);

    /** Per-miner statistics of the responses logged since {@code since}; blocks on I/O. */
    Map<Integer, MinerStats> minerStats(Instant since);

    /** The 90th percentile of time to first chunk over all responses logged since {@code since}; blocks on I/O. */
    default Optional<Duration> firstChunkP90(Instant since) {
        return Optional.empty();
    }
}
