package org.sn1gateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.fakes.FakeMinerNetwork;
import org.sn1gateway.domain.fakes.InMemoryQueryLog;
import org.sn1gateway.domain.fakes.ManualScheduler;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.OutlierEjection;
import org.sn1gateway.domain.service.MinerProbe.Result;

class MinerProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ANSWER = "The capital of France is Paris, on the Seine.";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T00:00:00Z"));
    private final OutlierEjection ejection = new OutlierEjection(now::get);
    private final FakeMinerNetwork network = new FakeMinerNetwork(miners(6));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final InMemoryQueryLog queryLog = new InMemoryQueryLog();
    private final MinerProbe probe = new MinerProbe(network, AvailabilityRules.defaults(), AnswerCleaner.standard(),
            ejection, queryLog, scheduler, now::get, TIMEOUT);

    @Test
    void setsAsideEveryMinerThatWouldHaveFailedAClientAndKeepsTheRest() {
        CompletableFuture<List<Result>> round = probe.round();
        assertThat(network.askedUids()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(network.call(0).prompt().messages()).singleElement()
                .satisfies(message -> assertThat(message.role()).isEqualTo(Role.USER));
        assertThat(network.call(0).prompt().timeout()).isEqualTo(TIMEOUT);

        network.call(0).text("The capital ", "of France is Paris.").end();
        network.call(1).text("The capital of ").fail(MinerFailure.Kind.BROKEN_STREAM, "the response broke off");
        network.call(2).end();
        network.call(3).text("I'm sorry, but I cannot help with that.").end();
        network.call(4).fail(MinerFailure.Kind.HTTP_STATUS, "HTTP 500");
        network.call(5).text("The capital of France");
        assertThat(round).as("a miner is still answering").isNotDone();

        scheduler.fire(TIMEOUT);

        assertThat(round).isCompleted();
        assertThat(round.join()).extracting(Result::uid, Result::usable).containsExactly(
                tuple(0, true), tuple(1, false),
                tuple(2, false), tuple(3, false),
                tuple(4, false), tuple(5, true));
        assertThat(round.join().get(1).reason()).contains("broke off");
        assertThat(round.join().get(0).reason()).isNull();
        assertThat(network.call(5).isCancelled()).as("the slow miner's probe is cut at the deadline").isTrue();
        assertThat(List.of(0, 1, 2, 3, 4, 5)).filteredOn(ejection::isEjected).containsExactly(1, 2, 3, 4);

        QueryRecord logged = queryLog.only();
        assertThat(logged.outcome()).isEqualTo(QueryOutcome.PROBED);
        assertThat(logged.selectedBy()).isEqualTo(MinerProbe.SELECTED_BY);
        assertThat(logged.selectedUid()).isNull();
        assertThat(logged.responses()).extracting(MinerResponse::uid, MinerResponse::status).containsExactly(
                tuple(0, MinerStatus.OK), tuple(1, MinerStatus.ERROR), tuple(2, MinerStatus.EMPTY),
                tuple(3, MinerStatus.FILTERED), tuple(4, MinerStatus.ERROR), tuple(5, MinerStatus.TIMEOUT));
        assertThat(logged.responses().get(1).text()).isEqualTo("The capital of ");
    }

    @Test
    void aMinerSetAsideByAProbeIsAskedAgainEachRoundAndComesBackOnlyWhenItPasses() {
        CompletableFuture<List<Result>> first = probe.round();
        network.call(1).fail(MinerFailure.Kind.HTTP_STATUS, "HTTP 500");
        List.of(0, 2, 3, 4, 5).forEach(uid -> network.call(uid).text(ANSWER).end());
        assertThat(first.join()).hasSize(6);

        now.set(now.get().plus(Duration.ofDays(1)));
        assertThat(ejection.isEjected(1)).as("no time limit brings it back").isTrue();

        CompletableFuture<List<Result>> second = probe.round();
        assertThat(network.callCount()).as("only the miner set aside is due").isEqualTo(7);
        network.call(1).fail(MinerFailure.Kind.CONNECT, "connection refused");
        assertThat(second.join()).extracting(Result::uid, Result::usable).containsExactly(tuple(1, false));
        assertThat(ejection.isEjected(1)).isTrue();

        CompletableFuture<List<Result>> third = probe.round();
        assertThat(network.callCount()).isEqualTo(8);
        network.call(1).text(ANSWER).end();
        assertThat(third.join()).extracting(Result::uid, Result::usable).containsExactly(tuple(1, true));
        assertThat(ejection.isEjected(1)).isFalse();

        assertThat(probe.round()).as("nobody is due").isCompletedWithValue(List.of());
        assertThat(network.callCount()).isEqualTo(8);
        assertThat(scheduler.pendingDelays()).as("each round's deadline is cancelled once it ends").isEmpty();
    }
}
