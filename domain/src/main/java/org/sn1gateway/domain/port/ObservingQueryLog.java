package org.sn1gateway.domain.port;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;

/**
 * A query log that looks at each finished query and hands it on to the log it wraps, for the decorators that
 * only watch (metrics, health, ejection). The query is handed on even when looking at it fails, so that no
 * row is ever lost to a watcher's bug.
 */
public abstract class ObservingQueryLog implements QueryLog {
    private final QueryLog log;

    protected ObservingQueryLog(QueryLog log) {
        this.log = log;
    }

    /** Looks at a finished query; runs on the query's network threads, so must not block. */
    protected abstract void observe(QueryRecord query);

    @Override
    public final void record(QueryRecord query) {
        try {
            observe(query);
        } finally {
            log.record(query);
        }
    }

    @Override
    public Map<Integer, MinerStats> recentMinerStats() {
        return log.recentMinerStats();
    }

    @Override
    public Optional<Duration> recentFirstChunkP90() {
        return log.recentFirstChunkP90();
    }
}
