package org.sn1gateway.domain.sampling;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.ObservingQueryLog;
import org.sn1gateway.domain.port.QueryLog;

/**
 * Miners set aside in memory after several failures in a row, as a load balancer ejects an outlier (Envoy's
 * consecutive-5xx rule): it reacts within seconds, long before the query log's statistics are refreshed. A
 * miner that failed after its text had gone to a client is set aside at once: that broke a client's stream,
 * which no failover can mend. An ejected miner is back after {@link #EJECTION}, and one more failure then
 * sets it aside again; a usable answer clears its record.
 */
public final class OutlierEjection {
    /** Failures in a row that set a miner aside. */
    public static final int CONSECUTIVE_FAILURES = 3;
    /** How long a miner stays aside before it is tried again. */
    public static final Duration EJECTION = Duration.ofSeconds(30);

    private record Record(int failuresInARow, Instant ejectedUntil) {
    }

    private final InstantSource clock;
    private final Map<Integer, Record> records = new ConcurrentHashMap<>();

    public OutlierEjection(InstantSource clock) {
        this.clock = clock;
    }

    /** Counts how a miner's answer ended; answers still pending or abandoned by the client say nothing. */
    public void observe(MinerResponse response) {
        MinerStatus status = response.status();
        if (status == MinerStatus.SELECTED || status == MinerStatus.OK) {
            records.remove(response.uid());
        } else if (status != MinerStatus.PENDING && status != MinerStatus.CANCELLED) {
            Instant now = clock.instant();
            records.compute(response.uid(), (uid, before) -> {
                int failures = before == null ? 1 : before.failuresInARow() + 1;
                boolean brokeAStream = response.selected();
                Instant until = failures >= CONSECUTIVE_FAILURES || brokeAStream ? now.plus(EJECTION)
                        : before == null ? Instant.MIN : before.ejectedUntil();
                return new Record(failures, until);
            });
        }
    }

    /** {@code log}, with every miner's answer observed here as its query is recorded. */
    public QueryLog watching(QueryLog log) {
        return new ObservingQueryLog(log) {
            @Override
            protected void observe(QueryRecord query) {
                query.responses().forEach(OutlierEjection.this::observe);
            }
        };
    }

    public boolean isEjected(int uid) {
        Record record = records.get(uid);
        return record != null && record.ejectedUntil().isAfter(clock.instant());
    }
}
