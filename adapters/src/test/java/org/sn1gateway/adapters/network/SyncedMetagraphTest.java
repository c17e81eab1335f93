package org.sn1gateway.adapters.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.Metagraph;
import org.slf4j.LoggerFactory;

class SyncedMetagraphTest {
    private final Deque<Supplier<Metagraph>> answers = new ArrayDeque<>();
    private final SyncedMetagraph synced = new SyncedMetagraph(() -> answers.removeFirst().get(), Duration.ofMinutes(10),
            1, InstantSource.fixed(Instant.parse("2026-11-24T12:00:00Z")));

    private static Metagraph metagraph(int neurons, long block) {
        return new Metagraph(1, block, Instant.parse("2026-11-24T12:00:00Z"), miners(neurons));
    }

    @Test
    void startsEmptyAndHoldsWhatTheLastSyncFound() {
        assertThat(synced.get().size()).isZero();
        answers.add(() -> metagraph(4, 100));

        assertThat(synced.resync()).isTrue();

        assertThat(synced.get().size()).isEqualTo(4);
        assertThat(synced.status().lastSuccess()).contains(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(synced.status().lastError()).isEmpty();
    }

    @Test
    void aFailedSyncKeepsTheLastGoodMetagraphAndSaysWhy() {
        answers.add(() -> metagraph(4, 100));
        answers.add(() -> {
            throw new IllegalStateException("cannot connect to wss://entrypoint-finney.opentensor.ai:443");
        });
        synced.resync();

        assertThat(synced.resync()).isFalse();

        assertThat(synced.get().block()).isEqualTo(100);
        assertThat(synced.status().lastError()).contains("cannot connect to wss://entrypoint-finney.opentensor.ai:443");
        answers.add(() -> metagraph(5, 101));
        synced.resync();
        assertThat(synced.status().lastError()).isEmpty();
        assertThat(synced.get().size()).isEqualTo(5);
    }

    @Test
    void aFailureBeforeAnySyncSaysThatThereIsNoMetagraphYet() {
        Logger log = (Logger) LoggerFactory.getLogger(SyncedMetagraph.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        answers.add(() -> {
            throw new IllegalStateException("cannot connect to wss://entrypoint-finney.opentensor.ai:443");
        });
        answers.add(() -> metagraph(4, 100));
        answers.add(() -> {
            throw new IllegalStateException("node gone");
        });
        try {
            synced.resync();
            synced.resync();
            synced.resync();
        } finally {
            log.detachAppender(lines);
        }

        assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "metagraph sync failed, no metagraph yet (no miner can be asked): "
                        + "cannot connect to wss://entrypoint-finney.opentensor.ai:443",
                "metagraph sync failed, keeping the last metagraph, synced at 2026-11-24T12:00:00Z: node gone");
    }
}
