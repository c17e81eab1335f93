package org.sn1gateway.app.health;

import java.util.EnumMap;
import java.util.Map;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.ObservingQueryLog;
import org.sn1gateway.domain.port.QueryLog;
import org.sn1gateway.domain.service.Fallback;

/**
 * Remembers how the last queries ended, so that a health check can tell a subnet whose miners all fail
 * from one that is merely quiet. Queries whose client left say nothing about the miners and are skipped.
 */
public final class RecentOutcomes extends ObservingQueryLog {
    private final QueryOutcome[] ring;
    private int next;
    private int size;

    public RecentOutcomes(QueryLog log, int remembered) {
        super(log);
        this.ring = new QueryOutcome[remembered];
    }

    @Override
    protected void observe(QueryRecord query) {
        // A client that left says nothing of the miners, and a probe's round is no client's query.
        if (query.outcome() != QueryOutcome.CLIENT_DISCONNECTED && query.outcome() != QueryOutcome.PROBED) {
            remember(minersOutcome(query));
        }
    }

    /**
     * An answer the fallback gave is no miner's: the miners had all failed, or none was there to ask, and a
     * subnet whose chats all go to the fallback must look as broken as one without.
     */
    private static QueryOutcome minersOutcome(QueryRecord query) {
        if (!Fallback.SELECTED_BY.equals(query.selectedBy())) {
            return query.outcome();
        }
        return query.responses().stream().anyMatch(response -> response.wave() < lastWave(query))
                ? QueryOutcome.ALL_FAILED : QueryOutcome.NO_MINER_AVAILABLE;
    }

    private static int lastWave(QueryRecord query) {
        return query.responses().stream().mapToInt(response -> response.wave()).max().orElse(1);
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
}
