package org.sn1gateway.domain.fakes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.QueryLog;

/** Keeps records in memory, in the order they were handed over. */
public final class InMemoryQueryLog implements QueryLog {
    private final List<QueryRecord> records = new CopyOnWriteArrayList<>();
    private volatile Map<Integer, MinerStats> stats = Map.of();
    private volatile Optional<Duration> firstChunkP90 = Optional.empty();

    @Override
    public void record(QueryRecord query) {
        records.add(query);
    }

    @Override
    public Map<Integer, MinerStats> recentMinerStats() {
        return stats;
    }

    @Override
    public Optional<Duration> recentFirstChunkP90() {
        return firstChunkP90;
    }

    public void observedFirstChunkP90(Duration p90) {
        this.firstChunkP90 = Optional.of(p90);
    }

    public void observed(Map<Integer, MinerStats> stats) {
        this.stats = Map.copyOf(stats);
    }

    public List<QueryRecord> records() {
        return List.copyOf(records);
    }

    /** The one record there is; fails the test if there is not exactly one. */
    public QueryRecord only() {
        if (records.size() != 1) {
            throw new AssertionError("expected exactly one logged query, found " + records.size());
        }
        return records.getFirst();
    }
}
