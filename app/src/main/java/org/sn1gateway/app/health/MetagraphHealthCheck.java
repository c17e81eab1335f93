package org.sn1gateway.app.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.sn1gateway.adapters.network.SyncedMetagraph;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * A metagraph with neurons is known and, for a chain, fresh: synced within three resync intervals. When a
 * sync fails the gateway keeps serving on the last one, and this check says why it is getting old.
 */
public final class MetagraphHealthCheck extends HealthCheck {
    private static final int MAX_MISSED_SYNCS = 3;

    private final MinerNetwork network;
    private final Optional<SyncedMetagraph> sync;
    private final InstantSource clock;

    public MetagraphHealthCheck(MinerNetwork network, Optional<SyncedMetagraph> sync, InstantSource clock) {
        this.network = network;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        Metagraph metagraph = network.metagraph();
        if (sync.isPresent()) {
            Optional<Result> stale = staleness(sync.get());
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        if (metagraph.size() == 0) {
            return Result.unhealthy("the metagraph of netuid %d has no neurons", metagraph.netuid());
        }
        String lastError = sync.flatMap(s -> s.status().lastError()).map(error -> "; the last sync failed: " + error)
                .orElse("");
        return Result.healthy("netuid %d: %d neurons at block %d, synced %d s ago%s", metagraph.netuid(),
                metagraph.size(), metagraph.block(), Duration.between(metagraph.syncedAt(), clock.instant()).toSeconds(),
                lastError);
    }

    private Optional<Result> staleness(SyncedMetagraph sync) {
        SyncedMetagraph.Status status = sync.status();
        String why = status.lastError().map(error -> "; last error: " + error).orElse("");
        if (status.lastSuccess().isEmpty()) {
            return Optional.of(Result.unhealthy("the metagraph has not been synced yet%s", why));
        }
        Instant last = status.lastSuccess().get();
        Duration age = Duration.between(last, clock.instant());
        if (age.compareTo(sync.interval().multipliedBy(MAX_MISSED_SYNCS)) > 0) {
            return Optional.of(Result.unhealthy("the metagraph is %d s old (resync every %d s)%s", age.toSeconds(),
                    sync.interval().toSeconds(), why));
        }
        return Optional.empty();
    }
}
