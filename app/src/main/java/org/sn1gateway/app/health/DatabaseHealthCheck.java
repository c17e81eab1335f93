package org.sn1gateway.app.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.persistence.QueuedQueryLog;

/** The database answers, and the query log is keeping up without losing rows. */
public final class DatabaseHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final QueuedQueryLog queryLog;

    public DatabaseHealthCheck(Jdbi jdbi, QueuedQueryLog queryLog) {
        this.jdbi = jdbi;
        this.queryLog = queryLog;
    }

    @Override
    protected Result check() {
        QueuedQueryLog.Status log = queryLog.status();
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            return Result.unhealthy("the database does not answer (%s); %d query log row(s) waiting",
                    e.getClass().getSimpleName(), log.pending());
        }
        if (log.dropped() > 0) {
            return Result.unhealthy("%d query log row(s) were dropped because the queue was full", log.dropped());
        }
        if (log.lastError() != null) {
            return Result.unhealthy("the last query log write failed: %s", log.lastError());
        }
        return Result.healthy("%d query log row(s) written, %d waiting", log.written(), log.pending());
    }
}
