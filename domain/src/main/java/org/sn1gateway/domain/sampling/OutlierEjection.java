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
 * which no failover can mend. An ejected miner is back after {@link #EJECTION} times the number of times it
 * has been set aside since its last usable answer (at most {@link #MAX_EJECTION}), so that a miner that keeps
 * failing costs clients less and less; one more failure then sets it aside again, and a usable answer clears
 * its record. A miner that failed a {@linkplain #probed probe} stays aside until a later probe passes.
 */
public final class OutlierEjection {
    /** Failures in a row that set a miner aside. */
    public static final int CONSECUTIVE_FAILURES = 3;
    /** How long a miner stays aside before it is tried again. */
    public static final Duration EJECTION = Duration.ofSeconds(30);
    /** The longest a miner stays aside for failing clients' chats. */
    public static final Duration MAX_EJECTION = Duration.ofMinutes(5);

    private record Record(int failuresInARow, int ejections, Instant ejectedUntil) {
        static final Record NONE = new Record(0, 0, Instant.MIN);

        Record failed(Instant now, boolean ejectNow) {
            int failures = failuresInARow + 1;
            if (failures < CONSECUTIVE_FAILURES && !ejectNow) {
                return new Record(failures, ejections, ejectedUntil);
            }
            Duration ejection = EJECTION.multipliedBy(ejections + 1);
            Instant until = now.plus(ejection.compareTo(MAX_EJECTION) < 0 ? ejection : MAX_EJECTION);
            // A client's failure never shortens a longer ejection, such as a failed probe's.
            return new Record(failures, ejections + 1, until.isAfter(ejectedUntil) ? until : ejectedUntil);
        }

        Record failedProbe() {
            return new Record(failuresInARow + 1, ejections + 1, Instant.MAX);
        }
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
            // An answer that was selected yet failed broke a client's stream.
            records.compute(response.uid(), (uid, before) ->
                    (before == null ? Record.NONE : before).failed(now, response.selected()));
        }
    }

    /**
     * Counts a probe's verdict on a miner: a pass clears its record, a failure sets it aside until a later
     * probe passes, since a probe stands in for a client whose chat that miner would have failed.
     */
    public void probed(int uid, boolean usable) {
        if (usable) {
            records.remove(uid);
        } else {
            records.compute(uid, (key, before) -> (before == null ? Record.NONE : before).failedProbe());
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
