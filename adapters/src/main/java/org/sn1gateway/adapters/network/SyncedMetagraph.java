package org.sn1gateway.adapters.network;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.sn1gateway.adapters.subtensor.MetagraphSource;
import org.sn1gateway.domain.model.Metagraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A metagraph kept up to date in the background: synced at start and every interval, or on demand. A
 * failed sync keeps the last good metagraph, so the gateway goes on serving through a chain outage.
 */
public final class SyncedMetagraph implements Supplier<Metagraph> {
    private static final Logger LOG = LoggerFactory.getLogger(SyncedMetagraph.class);

    /** What the health check reports. */
    public record Status(Optional<Instant> lastSuccess, Optional<String> lastError, int neurons, long block) {
    }

    private final MetagraphSource source;
    private final Duration interval;
    private final InstantSource clock;
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile Metagraph current;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    public SyncedMetagraph(MetagraphSource source, Duration interval, int netuid, InstantSource clock) {
        this.source = source;
        this.interval = interval;
        this.clock = clock;
        this.current = Metagraph.empty(netuid, clock.instant());
    }

    /** Syncs once now, then every interval on {@code scheduler}; a failure at start is logged, not thrown. */
    public void start(ScheduledExecutorService scheduler) {
        resync();
        scheduler.scheduleWithFixedDelay(this::resync, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Metagraph get() {
        return current;
    }

    /** Syncs now (one sync at a time); returns whether it succeeded. */
    public boolean resync() {
        syncing.lock();
        try {
            Metagraph fresh = source.fetch();
            current = fresh;
            lastSuccess = clock.instant();
            lastError = null;
            LOG.info("metagraph of netuid {} synced: {} neurons at block {}", fresh.netuid(), fresh.size(), fresh.block());
            return true;
        } catch (RuntimeException e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("metagraph sync failed, {}: {}", kept(), lastError);
            return false;
        } finally {
            syncing.unlock();
        }
    }

    /** What a failed sync leaves the gateway with: the last metagraph and its age, or none at all yet. */
    public String kept() {
        Instant success = lastSuccess;
        return success == null ? "no metagraph yet (no miner can be asked)"
                : "keeping the last metagraph, synced at " + success;
    }

    public Status status() {
        Metagraph metagraph = current;
        return new Status(Optional.ofNullable(lastSuccess), Optional.ofNullable(lastError), metagraph.size(),
                metagraph.block());
    }

    public Duration interval() {
        return interval;
    }
}
