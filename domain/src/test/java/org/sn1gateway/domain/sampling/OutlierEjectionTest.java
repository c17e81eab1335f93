package org.sn1gateway.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.fakes.InMemoryQueryLog;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.QueryLog;

class OutlierEjectionTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T00:00:00Z"));
    private final OutlierEjection ejection = new OutlierEjection(now::get);

    private static MinerResponse answer(int uid, MinerStatus status) {
        return new MinerResponse(uid, "hotkey-" + uid, status, null, null, Duration.ofSeconds(1), List.of(), 0,
                status == MinerStatus.SELECTED, "");
    }

    private void fails(int uid, int times) {
        for (int i = 0; i < times; i++) {
            ejection.observe(answer(uid, MinerStatus.ERROR));
        }
    }

    @Test
    void aMinerIsSetAsideAfterFailuresInARowAndTriedAgainAfterTheEjection() {
        fails(4, OutlierEjection.CONSECUTIVE_FAILURES - 1);
        assertThat(ejection.isEjected(4)).isFalse();

        fails(4, 1);
        assertThat(ejection.isEjected(4)).isTrue();

        now.set(now.get().plus(OutlierEjection.EJECTION));
        assertThat(ejection.isEjected(4)).as("back after the ejection").isFalse();
        fails(4, 1);
        assertThat(ejection.isEjected(4)).as("one more failure sets it aside again").isTrue();
    }

    @Test
    void eachEjectionInARowLastsLongerUpToALimitAndAUsableAnswerResetsTheCount() {
        Duration previous = Duration.ZERO;
        for (int ejections = 1; ejections <= 12; ejections++) {
            fails(4, ejections == 1 ? OutlierEjection.CONSECUTIVE_FAILURES : 1);
            Duration aside = timeAside(4);
            Duration expected = OutlierEjection.EJECTION.multipliedBy(ejections);
            assertThat(aside).isEqualTo(expected.compareTo(OutlierEjection.MAX_EJECTION) < 0 ? expected
                    : OutlierEjection.MAX_EJECTION);
            assertThat(aside).isGreaterThanOrEqualTo(previous);
            previous = aside;
        }

        ejection.observe(answer(4, MinerStatus.OK));
        fails(4, OutlierEjection.CONSECUTIVE_FAILURES);
        assertThat(timeAside(4)).isEqualTo(OutlierEjection.EJECTION);
    }

    @Test
    void aFailedProbeSetsAMinerAsideUntilAProbePassesAndClientsFailuresNeverShortenThat() {
        ejection.probed(6, false);
        ejection.observe(new MinerResponse(6, "hotkey-6", MinerStatus.ERROR, null, Duration.ofMillis(100),
                Duration.ofSeconds(1), List.of(Duration.ofMillis(100)), 10, true, "Half an ans"));
        now.set(now.get().plus(Duration.ofDays(365)));
        assertThat(ejection.isEjected(6)).isTrue();

        ejection.probed(6, true);
        assertThat(ejection.isEjected(6)).isFalse();
    }

    /** How long the miner, just set aside, stays aside, found by moving the clock on to the end of it. */
    private Duration timeAside(int uid) {
        Instant start = now.get();
        Duration step = Duration.ofSeconds(1);
        Duration aside = Duration.ZERO;
        while (ejection.isEjected(uid)) {
            aside = aside.plus(step);
            now.set(start.plus(aside));
        }
        return aside;
    }

    @Test
    void aMinerThatBrokeAClientsStreamIsSetAsideAtOnce() {
        ejection.observe(new MinerResponse(5, "hotkey-5", MinerStatus.ERROR, null, Duration.ofMillis(100),
                Duration.ofSeconds(1), List.of(Duration.ofMillis(100)), 10, true, "Half an ans"));

        assertThat(ejection.isEjected(5)).isTrue();
    }

    @Test
    void aUsableAnswerClearsTheRecordWhilePendingAndCancelledAnswersSayNothing() {
        fails(2, OutlierEjection.CONSECUTIVE_FAILURES - 1);
        ejection.observe(answer(2, MinerStatus.OK));
        fails(2, OutlierEjection.CONSECUTIVE_FAILURES - 1);
        assertThat(ejection.isEjected(2)).isFalse();

        ejection.observe(answer(3, MinerStatus.ERROR));
        ejection.observe(answer(3, MinerStatus.PENDING));
        ejection.observe(answer(3, MinerStatus.CANCELLED));
        ejection.observe(answer(3, MinerStatus.FILTERED));
        ejection.observe(answer(3, MinerStatus.EMPTY));
        assertThat(ejection.isEjected(3)).isTrue();
    }

    @Test
    void theWatchedLogFeedsItAndTheSamplerSkipsWhatItSetAside() {
        InMemoryQueryLog inner = new InMemoryQueryLog();
        QueryLog log = ejection.watching(inner);
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "hi")), MinerSelection.random(1),
                Preference.FIRST, Duration.ofSeconds(5));
        for (int i = 0; i < OutlierEjection.CONSECUTIVE_FAILURES; i++) {
            log.record(new QueryRecord(UUID.randomUUID(), now.get(), query, QueryOutcome.ALL_FAILED, null,
                    Duration.ofSeconds(1), List.of(answer(0, MinerStatus.ERROR), answer(1, MinerStatus.TIMEOUT)), null));
        }
        assertThat(inner.records()).hasSize(OutlierEjection.CONSECUTIVE_FAILURES);

        Random random = new Random(3);
        MinerSampler sampler = new MinerSampler(AvailabilityRules.defaults(), () -> random, ejection);
        Metagraph metagraph = new Metagraph(1, 1, Instant.EPOCH, miners(4));
        for (int round = 0; round < 100; round++) {
            assertThat(sampler.sample(metagraph, MinerSelection.random(2), Map.of()))
                    .extracting(Miner::uid).containsExactlyInAnyOrder(2, 3);
        }
        assertThat(sampler.sample(metagraph, MinerSelection.random(3), Map.of())).extracting(Miner::uid)
                .as("set aside, but asked when the others cannot fill the wave").hasSize(3).contains(2, 3);
    }
}
