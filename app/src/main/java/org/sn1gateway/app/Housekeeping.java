package org.sn1gateway.app;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.adapters.persistence.JdbiRateLimiter;
import org.sn1gateway.adapters.persistence.QueryLogRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background upkeep of the database: old queries past the retention period, and rate-limit counters no
 * window reads any more. Every instance runs it; the deletes are idempotent, so sharing one database
 * costs only a few empty deletes.
 */
final class Housekeeping implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService timer;
    private final QueryLogRetention retention;
    private final Optional<Duration> keepFor;
    private final Duration retentionInterval;
    private final JdbiRateLimiter rateLimiter;
    private final InstantSource clock;

    Housekeeping(ScheduledExecutorService timer, QueryLogRetention retention, Optional<Duration> keepFor,
                 Duration retentionInterval, JdbiRateLimiter rateLimiter, InstantSource clock) {
        this.timer = timer;
        this.retention = retention;
        this.keepFor = keepFor;
        this.retentionInterval = retentionInterval;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Override
    public void start() {
        keepFor.ifPresent(period -> timer.scheduleWithFixedDelay(() -> purgeQueries(period),
                retentionInterval.toMillis() / 10, retentionInterval.toMillis(), TimeUnit.MILLISECONDS));
        timer.scheduleWithFixedDelay(this::purgeRateCounters, 1, 1, TimeUnit.MINUTES);
    }

    private void purgeQueries(Duration period) {
        try {
            long purged = retention.purgeBefore(clock.instant().minus(period));
            if (purged > 0) {
                LOG.info("retention: deleted {} queries older than {}", purged, period);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: old queries could not be deleted, will retry: {}", e.toString());
        }
    }

    private void purgeRateCounters() {
        try {
            rateLimiter.purgeOlderThan(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("old rate-limit counters could not be deleted, will retry: {}", e.toString());
        }
    }
}
