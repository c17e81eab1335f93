package org.sn1gateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sn1gateway.domain.fakes.MinerFixtures.miner;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;
import static org.sn1gateway.domain.fakes.MinerFixtures.notServing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.fakes.FakeMinerNetwork;
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
import org.sn1gateway.domain.port.MinerFailure.Kind;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;

/** The fallback: asked when the miners cannot answer, never once a miner's text is streaming. */
class FallbackTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Beyond any subnet uid, as the gateway numbers its fallback upstreams. */
    private static final int FALLBACK_UID = 65_536;

    private final FakeMinerNetwork standIn = new FakeMinerNetwork(List.of(miner(FALLBACK_UID)));
    private final InMemoryQueryLog log = new InMemoryQueryLog();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingChatListener client = new RecordingChatListener();

    private ChatService service(FakeMinerNetwork network) {
        return new ChatService(network, log, new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)),
                AnswerCleaner.standard(), scheduler, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                ChatService.DEFAULT_MAX_CHUNKS_PER_ANSWER, new WavePolicy(2, Optional.of(Duration.ZERO)),
                Optional.of(new Fallback(standIn)));
    }

    private static ChatQuery query(int k) {
        return new ChatQuery(List.of(new Message(Role.USER, "What is the capital of France?")),
                MinerSelection.random(k), Preference.FIRST, TIMEOUT);
    }

    @Test
    void answersOnceEveryWaveFailedBeforeAnyText() throws InterruptedException {
        FakeMinerNetwork network = new FakeMinerNetwork(miners(4));
        service(network).start(query(1), client);
        network.awaitCall(1, Duration.ofSeconds(5)).fail(Kind.CONNECT, "connection refused");
        network.awaitCall(2, Duration.ofSeconds(5)).text("I'm sorry, but I cannot help with that.").end();

        standIn.awaitCall(1, Duration.ofSeconds(5)).text("Paris is ", "the capital of France.").end();

        assertThat(network.askedUids()).as("maxWaves waves of k = 1, then the fallback").hasSize(2);
        assertThat(client.errors()).isEmpty();
        assertThat(client.text()).isEqualTo("Paris is the capital of France.");
        ChatSummary summary = client.summary();
        assertThat(summary.selectedBy()).isEqualTo(Fallback.SELECTED_BY);
        assertThat(summary.uid()).hasValue(FALLBACK_UID);
        assertThat(summary.miners()).extracting(MinerResponse::wave, MinerResponse::status)
                .containsExactly(tuple(1, MinerStatus.ERROR), tuple(2, MinerStatus.FILTERED),
                        tuple(3, MinerStatus.SELECTED));
        QueryRecord record = log.only();
        assertThat(record.outcome()).isEqualTo(QueryOutcome.DELIVERED);
        assertThat(record.selectedUid()).isEqualTo(FALLBACK_UID);
        assertThat(record.selectedBy()).isEqualTo(Fallback.SELECTED_BY);
    }

    @Test
    void answersWhenNoMinerIsAvailable() throws InterruptedException {
        service(new FakeMinerNetwork(List.of(notServing(0), notServing(1)))).start(query(3), client);

        standIn.awaitCall(1, Duration.ofSeconds(5)).text("Paris.").end();

        assertThat(client.errors()).isEmpty();
        assertThat(client.text()).isEqualTo("Paris.");
        assertThat(client.summary().selectedBy()).isEqualTo(Fallback.SELECTED_BY);
        assertThat(log.only().responses()).extracting(MinerResponse::uid, MinerResponse::wave)
                .containsExactly(tuple(FALLBACK_UID, 1));
    }

    @Test
    void neverTakesOverOnceAMinersTextReachedTheClient() throws InterruptedException {
        FakeMinerNetwork network = new FakeMinerNetwork(miners(4));
        service(network).start(query(1), client);
        FakeMinerNetwork.FakeCall call = network.awaitCall(1, Duration.ofSeconds(5));
        call.text("Paris is the capital");
        call.fail(Kind.BROKEN_STREAM, "connection reset");

        assertThat(standIn.askedUids()).isEmpty();
        assertThat(network.askedUids()).as("no failover either").hasSize(1);
        assertThat(client.text()).isEqualTo("Paris is the capital");
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome)
                .isEqualTo(QueryOutcome.SELECTED_FAILED);
        assertThat(log.only().selectedBy()).isNotEqualTo(Fallback.SELECTED_BY);
    }

    @Test
    void takesOverFromAFailedMinerWhoseTextAClientWaitingForTheWholeAnswerNeverSaw() throws InterruptedException {
        RecordingChatListener whole = RecordingChatListener.waitingForTheWholeAnswer();
        FakeMinerNetwork network = new FakeMinerNetwork(List.of(miner(0)));
        service(network).start(query(1), whole);
        FakeMinerNetwork.FakeCall call = network.awaitCall(1, Duration.ofSeconds(5));
        call.text("Paris is the capital");
        call.fail(Kind.BROKEN_STREAM, "connection reset");

        standIn.awaitCall(1, Duration.ofSeconds(5)).text("Paris.").end();

        assertThat(whole.errors()).isEmpty();
        assertThat(whole.summary().completion()).isEqualTo("Paris.");
        assertThat(whole.summary().selectedBy()).isEqualTo(Fallback.SELECTED_BY);
    }

    @Test
    void aFailingFallbackEndsTheChatWithTheMinersError() throws InterruptedException {
        FakeMinerNetwork network = new FakeMinerNetwork(List.of(miner(0)));
        service(network).start(query(1), client);
        network.awaitCall(1, Duration.ofSeconds(5)).fail(Kind.CONNECT, "connection refused");
        standIn.awaitCall(1, Duration.ofSeconds(5)).fail(Kind.HTTP_STATUS, "HTTP 503");

        assertThat(standIn.askedUids()).as("asked once").containsExactly(FALLBACK_UID);
        assertThat(client.errors()).singleElement().extracting(ChatError::outcome).isEqualTo(QueryOutcome.ALL_FAILED);
        assertThat(log.only().selectedBy()).isNull();
    }
}
