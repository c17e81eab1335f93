package org.sn1gateway.app.health;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.QueryLog;

/**
 * Remembers how the last queries ended, so that a health check can tell a subnet whose miners all fail
 * from one that is merely quiet. Queries whose client left say nothing about the miners and are skipped.
 */
public final class RecentOutcomes implements QueryLog {
    private final QueryLog log;
    private final QueryOutcome[] ring;
    private int next;
    private int size;

    public RecentOutcomes(QueryLog log, int remembered) {
        this.log = log;
        this.ring = new QueryOutcome[remembered];
    }

    @Override
    public void record(QueryRecord query) {
        try {
            if (query.outcome() != QueryOutcome.CLIENT_DISCONNECTED) {
                remember(query.outcome());
            }
        } finally {
            log.record(query);
        }
    }

    private synchronized void remember(QueryOutcome outcome) {
        ring[next] = outcome;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** How the remembered queries ended, newest included; at most as many as this remembers. */
    public synchronized Map<QueryOutcome, Integer> counts() {
        Map<QueryOutcome, Integer> counts = new EnumMap<>(QueryOutcome.class);
        for (int i = 0; i < size; i++) {
            counts.merge(ring[i], 1, Integer::sum);
        }
        return counts;
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
