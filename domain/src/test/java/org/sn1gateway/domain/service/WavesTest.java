package org.sn1gateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.fakes.FakeMinerNetwork;
import org.sn1gateway.domain.fakes.FakeMinerNetwork.FakeCall;
import org.sn1gateway.domain.fakes.InMemoryQueryLog;
import org.sn1gateway.domain.fakes.ManualScheduler;
import org.sn1gateway.domain.fakes.RecordingChatListener;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;
import org.sn1gateway.domain.port.MinerFailure.Kind;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;

/** Failover, hedging and the waves of miners a chat may ask. */
class WavesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration HEDGE = Duration.ofSeconds(2);

    private final FakeMinerNetwork network = new FakeMinerNetwork(miners(8));
    private final InMemoryQueryLog log = new InMemoryQueryLog();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingChatListener client = new RecordingChatListener();

    private ChatService service(WavePolicy waves) {
        return new ChatService(network, log, new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)),
                AnswerCleaner.standard(), scheduler, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                ChatService.DEFAULT_MAX_CHUNKS_PER_ANSWER, waves);
    }

    private static WavePolicy failoverOnly(int maxWaves) {
        return new WavePolicy(maxWaves, Optional.of(Duration.ZERO));
    }

    private static ChatQuery query(Preference prefer, int k) {
        return new ChatQuery(List.of(new Message(Role.USER, "What is the capital of France?")),
                MinerSelection.random(k), prefer, TIMEOUT);
    }

    private FakeCall call(int nth) throws InterruptedException {
        return network.awaitCall(nth, Duration.ofSeconds(5));
    }

    private static List<Integer> waves(List<MinerResponse> responses) {
        return responses.stream().map(MinerResponse::wave).toList();
    }

    @Test
    void whenTheOnlyMinerFailsASecondWaveAnswers() throws InterruptedException {
        service(failoverOnly(3)).start(query(Preference.FIRST, 1), client);
        FakeCall first = call(1);
        first.fail(Kind.HTTP_STATUS, "HTTP 500");

        FakeCall second = call(2);
        assertThat(second.miner().uid()).isNotEqualTo(first.miner().uid());
        assertThat(second.prompt().timeout()).as("told the time left").isLessThanOrEqualTo(TIMEOUT);
        second.text("Paris is the capital of France.").end();

        assertThat(client.errors()).isEmpty();
        assertThat(client.text()).isEqualTo("Paris is the capital of France.");
        ChatSummary summary = client.summary();
        assertThat(summary.uid()).hasValue(second.miner().uid());
        assertThat(summary.miners()).extracting(MinerResponse::uid, MinerResponse::wave, MinerResponse::status)
                .containsExactly(tuple(first.miner().uid(), 1, MinerStatus.ERROR),
                        tuple(second.miner().uid(), 2, MinerStatus.SELECTED));
        QueryRecord record = log.only();
        assertThat(record.outcome()).isEqualTo(QueryOutcome.DELIVERED);
        assertThat(waves(record.responses())).containsExactly(1, 2);
    }

    @Test
    void filteredAndEmptyAnswersFailOverToo() throws InterruptedException {
        service(failoverOnly(3)).start(query(Preference.FIRST, 2), client);
        call(1).text("I'm sorry, but I cannot help with that.").end();
        call(2).text("   ").end();

        call(3).text("Paris.").end();
        call(4).end();

        assertThat(client.text()).isEqualTo("Paris.");
        assertThat(waves(log.only().responses())).containsExactly(1, 1, 2, 2);
    }

    @Test
    void neverAsksAMinerTwiceAndStopsAfterMaxWaves() throws InterruptedException {
        service(failoverOnly(3)).start(query(Preference.FIRST, 2), client);
        for (int nth = 1; nth <= 6; nth++) {
            call(nth).fail(Kind.CONNECT, "connection refused");
        }

        assertThat(network.askedUids()).as("three waves of k = 2, each uid once").hasSize(6).doesNotHaveDuplicates();
        ChatSummary summary = client.summary();
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome).isEqualTo(QueryOutcome.ALL_FAILED);
        assertThat(waves(summary.miners())).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(waves(log.only().responses())).containsExactly(1, 1, 2, 2, 3, 3);
    }

    @Test
    void aWaveOfExplicitUidsHasNoOneLeftToAsk() throws InterruptedException {
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, "Hi?")),
                new MinerSelection(2, SamplingMode.RANDOM, Set.of(), List.of(3, 5)), Preference.FIRST, TIMEOUT);
        service(failoverOnly(3)).start(query, client);
        call(1).fail(Kind.CONNECT, "refused");
        call(2).fail(Kind.CONNECT, "refused");

        assertThat(network.askedUids()).containsExactly(3, 5);
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome).isEqualTo(QueryOutcome.ALL_FAILED);
    }

    @Test
    void noWaveOnceTextReachedTheClient() throws InterruptedException {
        service(failoverOnly(3)).start(query(Preference.FIRST, 1), client);
        call(1).text("Paris").fail(Kind.BROKEN_STREAM, "broke off");

        assertThat(network.askedUids()).hasSize(1);
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome)
                .isEqualTo(QueryOutcome.SELECTED_FAILED);
    }

    @Test
    void aClientWaitingForTheWholeAnswerGetsANewWaveWhenTheSelectedMinerBreaksOff() throws InterruptedException {
        RecordingChatListener waiting = RecordingChatListener.waitingForTheWholeAnswer();
        service(failoverOnly(3)).start(query(Preference.FIRST, 1), waiting);
        FakeCall broken = call(1);
        broken.text("Lyon is", " the capital").fail(Kind.BROKEN_STREAM, "broke off");

        FakeCall second = call(2);
        second.text("Paris is the capital.").end();

        assertThat(waiting.errors()).isEmpty();
        ChatSummary summary = waiting.summary();
        assertThat(summary.completion()).isEqualTo("Paris is the capital.");
        assertThat(summary.streamedChunks()).extracting(DeliveredChunk::delta).containsExactly("Paris is the capital.");
        assertThat(summary.uid()).hasValue(second.miner().uid());
        assertThat(summary.miners()).extracting(MinerResponse::wave, MinerResponse::status, MinerResponse::selected)
                .containsExactly(tuple(1, MinerStatus.ERROR, false), tuple(2, MinerStatus.SELECTED, true));
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.DELIVERED);
    }

    @Test
    void aClientWaitingForTheWholeAnswerGetsTheNextUsableAnswerOfTheSameWave() throws InterruptedException {
        RecordingChatListener waiting = RecordingChatListener.waitingForTheWholeAnswer();
        service(failoverOnly(3)).start(query(Preference.FIRST, 2), waiting);
        FakeCall first = call(1);
        FakeCall other = call(2);
        first.text("Lyon is");
        other.text("Paris is");
        first.fail(Kind.BROKEN_STREAM, "broke off");
        other.text(" the capital.").end();

        assertThat(waiting.summary().completion()).isEqualTo("Paris is the capital.");
        assertThat(network.askedUids()).hasSize(2);
    }

    @Test
    void hedgesWhenNoMinerSentUsableTextInTimeAndTheWinnerCancelsTheOtherWave() throws InterruptedException {
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.FIRST, 1), client);
        FakeCall slow = call(1);
        slow.text("  ");
        assertThat(scheduler.pendingDelays()).containsExactlyInAnyOrder(TIMEOUT, HEDGE);

        scheduler.fire(HEDGE);

        FakeCall hedge = call(2);
        assertThat(slow.isCancelled()).as("the first wave keeps running").isFalse();
        assertThat(scheduler.pendingDelays()).as("armed again for a third wave").containsExactlyInAnyOrder(TIMEOUT, HEDGE);
        hedge.text("Paris is the capital.");
        assertThat(slow.isCancelled()).isTrue();
        hedge.end();

        assertThat(client.text()).isEqualTo("Paris is the capital.");
        assertThat(client.summary().miners()).extracting(MinerResponse::wave, MinerResponse::status)
                .containsExactly(tuple(1, MinerStatus.CANCELLED),
                        tuple(2, MinerStatus.SELECTED));
        assertThat(client.summary().miners().getFirst().reason().code()).isEqualTo("other_wave_chosen");
        assertThat(waves(log.only().responses())).containsExactly(1, 2);
        assertThat(scheduler.pendingDelays()).isEmpty();
    }

    @Test
    void theFirstWaveCanStillWinAfterAHedge() throws InterruptedException {
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.FIRST, 1), client);
        FakeCall slow = call(1);
        scheduler.fire(HEDGE);
        FakeCall hedge = call(2);

        slow.text("Paris.").end();

        assertThat(hedge.isCancelled()).isTrue();
        assertThat(client.summary().uid()).hasValue(slow.miner().uid());
        assertThat(network.askedUids()).hasSize(2);
    }

    @Test
    void hedgesAgainAfterEachDelayUntilMaxWavesWhileMinersHang() throws InterruptedException {
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.FIRST, 1), client);
        call(1);
        scheduler.fire(HEDGE);
        call(2).fail(Kind.HTTP_STATUS, "HTTP 500");
        scheduler.fire(HEDGE);
        FakeCall third = call(3);

        assertThat(scheduler.pendingDelays()).as("no hedge beyond maxWaves").containsExactly(TIMEOUT);
        third.text("Paris.").end();

        assertThat(network.askedUids()).hasSize(3).doesNotHaveDuplicates();
        assertThat(client.text()).isEqualTo("Paris.");
        assertThat(waves(client.summary().miners())).containsExactly(1, 2, 3);
    }

    @Test
    void noHedgeOnceUsableTextArrived() throws InterruptedException {
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.LONGEST, 1), client);
        call(1).text("Paris is");

        scheduler.fire(HEDGE);

        assertThat(network.askedUids()).hasSize(1);
    }

    @Test
    void aFailoverWaveAfterUsableTextBrokeOffIsHedgedToo() throws InterruptedException {
        RecordingChatListener waiting = RecordingChatListener.waitingForTheWholeAnswer();
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.FIRST, 1), waiting);
        FakeCall broken = call(1);
        broken.text("Lyon is");
        broken.fail(Kind.BROKEN_STREAM, "broke off");
        FakeCall hanging = call(2);

        assertThat(scheduler.pendingDelays()).as("the failover wave gets its own hedge")
                .containsExactlyInAnyOrder(TIMEOUT, HEDGE);
        scheduler.fire(HEDGE);
        call(3).text("Paris is the capital.").end();

        assertThat(hanging.isCancelled()).isTrue();
        assertThat(waiting.summary().completion()).isEqualTo("Paris is the capital.");
        assertThat(waves(waiting.summary().miners())).containsExactly(1, 2, 3);
    }

    @Test
    void aFailoverWaveIsHedgedTooWhenTheEarlierHedgeFoundUsableText() throws InterruptedException {
        service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.LONGEST, 1), client);
        FakeCall broken = call(1);
        broken.text("Lyon is");
        scheduler.fire(HEDGE);
        broken.fail(Kind.BROKEN_STREAM, "broke off");
        call(2);

        assertThat(scheduler.pendingDelays()).containsExactlyInAnyOrder(TIMEOUT, HEDGE);
        scheduler.fire(HEDGE);
        call(3);

        assertThat(network.askedUids()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void hedgeAfterZeroTurnsHedgingOff() {
        service(new WavePolicy(3, Optional.of(Duration.ZERO))).start(query(Preference.FIRST, 1), client);

        assertThat(scheduler.pendingDelays()).containsExactly(TIMEOUT);
    }

    @Test
    void theDefaultHedgeIsTheMeasuredP90BoundedToOneToTenSeconds() {
        WavePolicy measured = WavePolicy.defaults();
        assertThat(measured.hedgeDelay(Optional.of(Duration.ofMillis(2500)))).hasValue(Duration.ofMillis(2500));
        assertThat(measured.hedgeDelay(Optional.of(Duration.ofMillis(200)))).hasValue(Duration.ofSeconds(1));
        assertThat(measured.hedgeDelay(Optional.of(Duration.ofSeconds(40)))).hasValue(Duration.ofSeconds(10));
        assertThat(measured.hedgeDelay(Optional.empty())).hasValue(Duration.ofSeconds(10));
        assertThat(new WavePolicy(1, Optional.empty()).hedgeDelay(Optional.of(HEDGE))).isEmpty();

        log.observedFirstChunkP90(Duration.ofMillis(3200));
        service(measured).start(query(Preference.FIRST, 1), client);
        assertThat(scheduler.pendingDelays()).containsExactlyInAnyOrder(TIMEOUT, Duration.ofMillis(3200));
    }

    @ParameterizedTest
    @EnumSource(value = Preference.class, names = {"LONGEST", "SHORTEST", "CONSENSUS"})
    void modesThatCompareAddAWaveWhileFewerThanKAnswersAreUsable(Preference prefer) throws InterruptedException {
        service(failoverOnly(3)).start(query(prefer, 3), client);
        call(1).text("Paris is the capital of France.").end();
        call(2).text("I'm sorry, but I cannot help with that.").end();
        call(3).fail(Kind.CONNECT, "refused");

        FakeCall fourth = call(4);
        FakeCall fifth = call(5);
        assertThat(client.isDone()).isFalse();
        fourth.text("The capital of France is Paris.").end();
        fifth.text("Paris is the capital of France, on the Seine.").end();

        assertThat(network.askedUids()).as("the second wave asks only for the two missing").hasSize(5);
        assertThat(client.errors()).isEmpty();
        assertThat(client.summary().selectedBy()).isEqualTo(prefer.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(waves(client.summary().miners())).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void aComparingModeDeliversWhatItHasWhenWavesRunOut() throws InterruptedException {
        service(failoverOnly(2)).start(query(Preference.LONGEST, 2), client);
        call(1).text("Paris is the capital of France.").end();
        call(2).fail(Kind.CONNECT, "refused");
        call(3).fail(Kind.CONNECT, "refused");

        assertThat(network.askedUids()).hasSize(3);
        assertThat(client.text()).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aClientLeavingCancelsEveryWave() throws InterruptedException {
        ChatHandle chat = service(new WavePolicy(3, Optional.of(HEDGE))).start(query(Preference.FIRST, 1), client);
        FakeCall first = call(1);
        scheduler.fire(HEDGE);
        FakeCall second = call(2);

        chat.clientGone();
        first.fail(Kind.CONNECT, "refused");

        assertThat(first.isCancelled()).isTrue();
        assertThat(second.isCancelled()).isTrue();
        assertThat(network.askedUids()).as("no failover for a client who left").hasSize(2);
        assertThat(scheduler.pendingDelays()).isEmpty();
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.CLIENT_DISCONNECTED);
    }

    @Test
    void oneWaveByDefaultInTheDomain() throws InterruptedException {
        new ChatService(network, log, new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)),
                AnswerCleaner.standard(), scheduler, InstantSource.system()).start(query(Preference.FIRST, 1), client);
        call(1).fail(Kind.CONNECT, "refused");

        assertThat(network.askedUids()).hasSize(1);
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome).isEqualTo(QueryOutcome.ALL_FAILED);
    }
}
