package org.sn1gateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerFailure.Kind;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;

class ChatServiceTest {
    private final FakeMinerNetwork network = new FakeMinerNetwork(miners(4));
    private final InMemoryQueryLog log = new InMemoryQueryLog();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingChatListener client = new RecordingChatListener();
    private final ChatService service = new ChatService(network, log,
            new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)), AnswerCleaner.standard(),
            scheduler, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));

    private static ChatQuery query(Preference prefer, Integer... uids) {
        return new ChatQuery(List.of(new Message(Role.USER, "What is the capital of France?")),
                new MinerSelection(uids.length, SamplingMode.RANDOM, Set.of(), List.of(uids)), prefer,
                Duration.ofSeconds(15));
    }

    private static Map<Integer, MinerResponse> byUid(List<MinerResponse> responses) {
        return responses.stream().collect(Collectors.toMap(MinerResponse::uid, Function.identity()));
    }

    @Test
    void streamsTheFirstUsableMinerLiveAndLogsTheOthersWhenTheyEnd() {
        service.start(query(Preference.FIRST, 0, 1, 2), client);

        network.call(1).text("   ");
        network.call(2).text("Paris", " is");
        assertThat(client.text()).isEqualTo("Paris is");
        network.call(0).text("Lyon").end();
        network.call(2).text(" the capital.").end();

        assertThat(client.chunks()).extracting(DeliveredChunk::sequence).containsExactly(1, 2, 3, 4);
        assertThat(client.chunks().getLast().last()).isTrue();
        assertThat(client.chunks().getLast().delta()).isEmpty();
        ChatSummary summary = client.summary();
        assertThat(summary.completion()).isEqualTo("Paris is the capital.").isEqualTo(client.text());
        assertThat(summary.uid()).hasValue(2);
        assertThat(summary.selectedBy()).isEqualTo("first");
        assertThat(byUid(summary.miners()).get(1).status()).isEqualTo(MinerStatus.PENDING);
        assertThat(log.records()).as("uid 1 is still answering").isEmpty();

        network.call(1).end();

        QueryRecord record = log.only();
        assertThat(record.outcome()).isEqualTo(QueryOutcome.DELIVERED);
        assertThat(record.selectedUid()).isEqualTo(2);
        Map<Integer, MinerResponse> responses = byUid(record.responses());
        assertThat(responses.get(2).status()).isEqualTo(MinerStatus.SELECTED);
        assertThat(responses.get(2).chunks()).isEqualTo(3);
        assertThat(responses.get(2).characters()).isEqualTo("Paris is the capital.".length());
        assertThat(responses.get(0).status()).isEqualTo(MinerStatus.OK);
        assertThat(responses.get(1).status()).isEqualTo(MinerStatus.EMPTY);
        assertThat(responses.get(1).reason().code()).isEqualTo("empty");
        assertThat(scheduler.pendingDelays()).as("the deadline is disarmed").isEmpty();
    }

    @Test
    void tracesEachMinerAskedItsFirstChunkAndItsEndBeforeTheStreamEnds() {
        service.start(query(Preference.LONGEST, 0, 1), client);
        network.call(0).text("Paris", " is the capital.").end();
        network.call(1).text("I'm sorry, but I cannot help with that.").end();

        List<String> trace = client.timeline().stream().map(event -> switch (event) {
            case MinerEvent miner -> miner.phase().wireName() + ":" + miner.miner().uid() + ":"
                    + miner.miner().status().wireName();
            case DeliveredChunk chunk -> "chunk";
            case ChatSummary summary -> "done";
            default -> event.toString();
        }).toList();

        assertThat(trace).startsWith("asked:0:pending", "asked:1:pending", "first_chunk:0:pending",
                "ended:0:ok", "first_chunk:1:pending", "ended:1:filtered").endsWith("done");
        assertThat(trace.indexOf("ended:1:filtered")).isLessThan(trace.indexOf("chunk"));
        MinerEvent ended = client.timeline().stream().filter(MinerEvent.class::isInstance)
                .map(MinerEvent.class::cast).filter(event -> event.phase() == MinerEvent.Phase.ENDED).findFirst()
                .orElseThrow();
        assertThat(ended.miner().text()).isEqualTo("Paris is the capital.");
        assertThat(ended.miner().totalTime()).isNotNull();
    }

    @Test
    void aMinerSendingMoreChunksThanTheLimitIsStoppedAndTheOthersAnswer() {
        ChatService capped = new ChatService(network, log,
                new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)), AnswerCleaner.standard(),
                scheduler, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), 3);
        capped.start(query(Preference.LONGEST, 0, 1), client);

        network.call(0).text("a", "b", "c", "d", "e");
        network.call(1).text("Paris is the capital.").end();

        assertThat(network.call(0).isCancelled()).isTrue();
        assertThat(client.summary().uid()).hasValue(1);
        MinerResponse stopped = byUid(log.only().responses()).get(0);
        assertThat(stopped.status()).isEqualTo(MinerStatus.ERROR);
        assertThat(stopped.reason()).isEqualTo(new Reason("too_many_chunks", "3 chunks",
                "the answer exceeded the limit of 3 chunks"));
        assertThat(stopped.chunks()).isEqualTo(3);
    }

    @Test
    void skipsARefusalAndDeliversTheNextUsableAnswer() {
        service.start(query(Preference.FIRST, 0, 1), client);

        network.call(0).text("I'm sorry, but I cannot help with that.").end();
        network.call(1).text("Paris.").end();

        assertThat(client.summary().uid()).hasValue(1);
        assertThat(byUid(log.only().responses()).get(0).status()).isEqualTo(MinerStatus.FILTERED);
        assertThat(byUid(log.only().responses()).get(0).reason().code()).isEqualTo("refusal");
    }

    @Test
    void whenEveryMinerFailsTheClientGetsAnErrorThenDone() {
        service.start(query(Preference.FIRST, 0, 1), client);

        Reason http500 = new Reason("http_500", "Internal Server Error", "HTTP 500: Internal Server Error");
        network.call(0).fail(new MinerFailure(Kind.HTTP_STATUS, http500));
        network.call(1).fail(Kind.CONNECT, "connection refused");

        assertThat(client.events()).hasSize(2);
        assertThat(client.errors()).singleElement().satisfies(error -> {
            assertThat(error.outcome()).isEqualTo(QueryOutcome.ALL_FAILED);
            assertThat(error.message()).startsWith("All miners failed or timed out");
        });
        assertThat(client.summary().uid()).isEmpty();
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.ALL_FAILED);
        assertThat(byUid(log.only().responses()).get(0).reason()).isEqualTo(http500);
    }

    @Test
    void whenEveryAnswerIsUnusableTheErrorSaysTheyWereFiltered() {
        service.start(query(Preference.LONGEST, 0, 1), client);

        network.call(0).text(" ").end();
        network.call(1).text("I don't know.").end();

        assertThat(client.errors()).singleElement().satisfies(error -> {
            assertThat(error.outcome()).isEqualTo(QueryOutcome.ALL_FILTERED);
            assertThat(error.message()).startsWith("Every answer was filtered out");
        });
    }

    @Test
    void withNoMinerAvailableTheClientIsToldAtOnceAndTheQueryIsLogged() {
        service.start(query(Preference.FIRST, 42), client);

        assertThat(client.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("No miner available"));
        assertThat(client.isDone()).isTrue();
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.NO_MINER_AVAILABLE);
        assertThat(network.askedUids()).isEmpty();
    }

    @Test
    void longestWaitsForEveryMinerThenReplaysTheChosenAnswersOwnChunks() {
        service.start(query(Preference.LONGEST, 0, 1, 2), client);

        network.call(0).text("Paris.").end();
        network.call(1).text("Paris is the capital", " of France.").end();
        assertThat(client.events()).as("nothing until every miner has ended").isEmpty();
        network.call(2).fail(Kind.BROKEN_STREAM, "stream broke");

        assertThat(client.chunks()).extracting(DeliveredChunk::delta)
                .containsExactly("Paris is the capital", " of France.", "");
        assertThat(client.chunks()).allMatch(chunk -> chunk.uid() == 1);
        assertThat(client.summary().selectedBy()).isEqualTo("longest");
        assertThat(byUid(log.only().responses()).get(2).status()).isEqualTo(MinerStatus.ERROR);
    }

    @Test
    void theDeadlineCutsOffSlowMinersAndSelectionUsesWhatFinished() {
        service.start(query(Preference.SHORTEST, 0, 1, 2), client);
        network.call(0).text("Paris is the capital of France.").end();
        network.call(1).text("Paris might");

        scheduler.fireAll();

        assertThat(client.summary().uid()).hasValue(0);
        assertThat(network.call(1).isCancelled()).isTrue();
        assertThat(network.call(2).isCancelled()).isTrue();
        Map<Integer, MinerResponse> responses = byUid(log.only().responses());
        assertThat(responses.get(1).status()).isEqualTo(MinerStatus.TIMEOUT);
        assertThat(responses.get(1).text()).isEqualTo("Paris might");
        assertThat(responses.get(2).timeToFirstChunk()).isNull();
    }

    @Test
    void whenNoMinerFinishesInTimeTheErrorSaysSo() {
        service.start(query(Preference.FIRST, 0, 1), client);

        scheduler.fireAll();

        assertThat(client.errors()).singleElement()
                .satisfies(error -> assertThat(error.outcome()).isEqualTo(QueryOutcome.ALL_TIMED_OUT));
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.ALL_TIMED_OUT);
    }

    @Test
    void aSelectedMinerThatBreaksOffEndsTheStreamWithAnError() {
        service.start(query(Preference.FIRST, 0, 1), client);

        network.call(0).text("Paris is");
        network.call(0).fail(Kind.BROKEN_STREAM, "the stream broke off");
        network.call(1).text("Paris.").end();

        assertThat(client.text()).isEqualTo("Paris is");
        assertThat(client.errors()).singleElement()
                .satisfies(error -> assertThat(error.outcome()).isEqualTo(QueryOutcome.SELECTED_FAILED));
        assertThat(client.summary().completion()).isEqualTo("Paris is");
        MinerResponse broken = byUid(log.only().responses()).get(0);
        assertThat(broken.selected()).isTrue();
        assertThat(broken.status()).isEqualTo(MinerStatus.ERROR);
    }

    @Test
    void aClientLeavingMidStreamCancelsEveryCallAndTheQueryIsStillLogged() {
        ChatHandle handle = service.start(query(Preference.FIRST, 0, 1, 2), client);
        network.call(0).text("Paris");

        handle.clientGone();
        network.call(1).text("late text is ignored").end();

        assertThat(network.askedUids()).allMatch(uid -> network.call(uid).isCancelled());
        assertThat(client.isDone()).isFalse();
        QueryRecord record = log.only();
        assertThat(record.outcome()).isEqualTo(QueryOutcome.CLIENT_DISCONNECTED);
        assertThat(record.responses()).extracting(MinerResponse::status).containsOnly(MinerStatus.CANCELLED);
    }

    @Test
    void aClientLeavingAfterItsAnswerLetsTheOtherMinersFinishForTheLog() {
        ChatHandle handle = service.start(query(Preference.FIRST, 0, 1), client);
        network.call(0).text("Paris.").end();

        handle.clientGone();
        network.call(1).text("Paris, France.").end();

        assertThat(network.call(1).isCancelled()).isFalse();
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.DELIVERED);
        assertThat(byUid(log.only().responses()).get(1).status()).isEqualTo(MinerStatus.OK);
    }

    @Test
    void aMixtureAsksTopIncentiveMinersToCombineTheGatheredAnswersAndStreamsTheFirstUsable() throws Exception {
        service.startMixture(query(Preference.FIRST, 0, 1), client);
        network.call(0).text("Paris is the capital.").end();
        network.call(1).text("The capital is Paris, on the Seine.").end();

        FakeMinerNetwork.FakeCall top = network.awaitCall(3, Duration.ofSeconds(5));
        for (int nth = 4; nth <= 5; nth++) {
            network.awaitCall(nth, Duration.ofSeconds(5));
        }
        assertThat(top.miner().uid()).isEqualTo(3);
        assertThat(top.prompt().messages().getLast().content()).startsWith("What is the capital of France?")
                .contains("Candidate 1:\nParis is the capital.").contains("Candidate 2:\nThe capital is Paris, on the Seine.");
        assertThat(client.events()).as("nothing reaches the client while answers are gathered").isEmpty();
        top.text("Paris, on the Seine, is the capital of France.").end();

        ChatSummary summary = client.summary();
        assertThat(summary.completion()).isEqualTo("Paris, on the Seine, is the capital of France.");
        assertThat(summary.selectedBy()).isEqualTo("mixture");
        assertThat(summary.uid()).hasValue(3);
        assertThat(summary.miners()).extracting(MinerResponse::uid).contains(3, 0, 1);
        assertThat(summary.miners()).filteredOn(MinerResponse::selected).extracting(MinerResponse::uid).containsExactly(3);
    }

    @Test
    void aMixturesSummaryAndChunksSpeakForTheWholeRequestAndItsSynthesisIsLoggedAsPartOfIt() throws Exception {
        ChatHandle handle = service.startMixture(query(Preference.FIRST, 0, 1), client);
        // The gathering must take measurably longer than the synthesis for the two to be told apart.
        Thread.sleep(200);
        network.call(0).text("Paris is the capital.").end();
        network.call(1).text("The capital is Paris.").end();
        FakeMinerNetwork.FakeCall top = network.awaitCall(3, Duration.ofSeconds(5));
        network.awaitCall(4, Duration.ofSeconds(5)).end();
        network.awaitCall(5, Duration.ofSeconds(5)).end();
        top.text("Paris.").end();

        ChatSummary summary = client.summary();
        List<QueryRecord> phases = log.records();
        assertThat(phases).hasSize(2);
        QueryRecord gathering = phases.get(0);
        QueryRecord synthesis = phases.get(1);
        assertThat(summary.queryId()).as("the request is named by its first query").isEqualTo(gathering.id())
                .isEqualTo(handle.queryId());
        assertThat(gathering.partOf()).isNull();
        assertThat(synthesis.partOf()).isEqualTo(gathering.id());
        assertThat(summary.timing()).as("both phases").isGreaterThan(gathering.totalTime());
        // The gathering's own record is written after the synthesis has started, so its last miner's end is the
        // moment to compare with.
        Duration gatheringEnded = gathering.responses().stream().map(MinerResponse::totalTime)
                .max(Duration::compareTo).orElseThrow();
        assertThat(client.chunks()).as("chunk times count from the request's start")
                .allSatisfy(chunk -> assertThat(chunk.receivedAt()).isGreaterThan(gatheringEnded));
        assertThat(summary.streamedChunks()).extracting(DeliveredChunk::receivedAt)
                .containsExactlyElementsOf(client.chunks().stream().filter(chunk -> !chunk.last())
                        .map(DeliveredChunk::receivedAt).toList());
    }

    @Test
    void aMixtureWhoseMinersAllFailReportsTheFailureWithoutASynthesis() {
        service.startMixture(query(Preference.FIRST, 0, 1), client);

        network.call(0).fail(Kind.CONNECT, "refused");
        network.call(1).fail(Kind.CONNECT, "refused");

        assertThat(client.errors()).singleElement()
                .satisfies(error -> assertThat(error.outcome()).isEqualTo(QueryOutcome.ALL_FAILED));
        assertThat(client.isDone()).isTrue();
        assertThat(network.askedUids()).containsExactly(0, 1);
    }

    @Test
    void theDeadlineIsTheQuerysTimeout() {
        service.start(query(Preference.FIRST, 0), client);

        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(15));
        assertThat(network.call(0).prompt().timeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void keepsTheTokenUsageAServerReportedOnItsAnswer() {
        service.start(query(Preference.FIRST, 0, 1), client);

        network.call(0).text("Paris is the capital of France.").usage(new TokenUsage(12, 7, 19)).end();
        network.call(1).text("It is Paris, of course.").end();

        Map<Integer, MinerResponse> logged = byUid(log.only().responses());
        assertThat(logged.get(0).usage()).isEqualTo(new TokenUsage(12, 7, 19));
        assertThat(logged.get(1).usage()).as("a miner reports none").isNull();
    }
}
