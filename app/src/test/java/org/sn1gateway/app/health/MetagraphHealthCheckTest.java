package org.sn1gateway.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import com.codahale.metrics.health.HealthCheck.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.network.SyncedMetagraph;
import org.sn1gateway.domain.model.Metagraph;

class MetagraphHealthCheckTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T12:00:00Z"));
    private final InstantSource clock = now::get;
    private final AtomicBoolean chainUp = new AtomicBoolean(true);
    private final SyncedMetagraph sync = new SyncedMetagraph(() -> {
        if (!chainUp.get()) {
            throw new IllegalStateException("cannot connect to ws://127.0.0.1:9944");
        }
        return new Metagraph(1, 100, now.get(), miners(3));
    }, Duration.ofMinutes(10), 1, clock);
    private final MetagraphHealthCheck check = new MetagraphHealthCheck(
            new DendriteMinerNetwork(sync, (miner, prompt, listener) -> () -> { }), Optional.of(sync), clock);

    @Test
    void isUnhealthyUntilTheFirstSyncAndSaysWhy() {
        chainUp.set(false);
        sync.resync();

        Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("not been synced yet").contains("cannot connect to ws://127.0.0.1:9944");
    }

    @Test
    void staysHealthyOnTheLastMetagraphUntilThreeIntervalsHavePassed() {
        sync.resync();
        chainUp.set(false);

        now.set(now.get().plus(Duration.ofMinutes(29)));
        sync.resync();
        assertThat(check.execute().isHealthy()).isTrue();

        now.set(now.get().plus(Duration.ofMinutes(2)));
        Result stale = check.execute();
        assertThat(stale.isHealthy()).isFalse();
        assertThat(stale.getMessage()).contains("1860 s old").contains("cannot connect");
    }
}
