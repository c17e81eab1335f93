package org.sn1gateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.fakes.FakeMinerNetwork;
import org.sn1gateway.domain.fakes.InMemoryQueryLog;
import org.sn1gateway.domain.fakes.ManualScheduler;
import org.sn1gateway.domain.fakes.RecordingChatListener;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerFailure.Kind;
import org.sn1gateway.domain.port.TokenCounter;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.MinerSampler;

/** What each chat costs its client, however it ends, reported once to the client and to the query log. */
class ChatUsageTest {
    /** A stand-in tokenizer: one token per word. */
    private static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;
    private static final String QUESTION = "What is the capital of France?";
    /** Priming 3, and for the one message 3 + "user" (1) + the question (6). */
    private static final long PROMPT = 3 + 3 + 1 + 6;

    private final FakeMinerNetwork network = new FakeMinerNetwork(miners(4));
    private final InMemoryQueryLog log = new InMemoryQueryLog();
    private final RecordingChatListener client = new RecordingChatListener();
    private final ChatService service = new ChatService(network, log,
            new MinerSampler(AvailabilityRules.defaults(), () -> new Random(1)), AnswerCleaner.standard(),
            new ManualScheduler(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
            ChatService.DEFAULT_MAX_CHUNKS_PER_ANSWER, WavePolicy.single(), Optional.empty(), WORDS);

    private static ChatQuery query(Integer... uids) {
        return new ChatQuery(List.of(new Message(Role.USER, QUESTION)),
                new MinerSelection(uids.length, SamplingMode.RANDOM, Set.of(), List.of(uids)), Preference.FIRST,
                Duration.ofSeconds(15));
    }

    @Test
    void aMinersWholeAnswerIsCountedByTheGatewayAndReportedOnceBeforeTheSummary() {
        service.start(query(0), client);
        network.call(0).text("Paris is", " the capital.").end();

        ChatUsage usage = new ChatUsage(PROMPT, 4, true);
        assertThat(client.usages()).containsExactly(usage);
        assertThat(client.summary().usage()).isEqualTo(usage);
        assertThat(usage.totalTokens()).isEqualTo(PROMPT + 4);
        assertThat(log.only().usage()).isEqualTo(usage);
    }

    @Test
    void anUpstreamsOwnCountsAreTakenForTheWholeAnswerItReportedThem() {
        service.start(query(0), client);
        network.call(0).text("Paris is the capital.").usage(new TokenUsage(21, 6, 27)).end();

        assertThat(client.summary().usage()).isEqualTo(new ChatUsage(21, 6, false));
    }

    @Test
    void aClientThatLeavesMidAnswerPaysItsPromptAndWhatItWasSent() {
        ChatHandle chat = service.start(query(0), client);
        network.call(0).text("Paris is", " the capital");

        chat.clientGone();
        network.call(0).text(" of France, a country in Europe.");

        assertThat(client.usages()).containsExactly(new ChatUsage(PROMPT, 4, true));
        assertThat(log.only().outcome()).isEqualTo(QueryOutcome.CLIENT_DISCONNECTED);
        assertThat(log.only().usage()).isEqualTo(new ChatUsage(PROMPT, 4, true));
    }

    @Test
    void aMinerThatBreaksOffMidAnswerLeavesTheClientPayingForWhatReachedIt() {
        service.start(query(0), client);
        network.call(0).text("Paris is", " the").fail(Kind.BROKEN_STREAM, "reset");

        assertThat(client.errors()).hasSize(1);
        assertThat(client.summary().usage()).isEqualTo(new ChatUsage(PROMPT, 3, true));
    }

    @Test
    void aChatThatFailedBeforeAnyTextCostsNothing() {
        service.start(query(0, 1), client);
        network.call(0).fail(Kind.CONNECT, "refused");
        network.call(1).text("I'm sorry, but I cannot help with that.").end();

        assertThat(client.errors()).hasSize(1);
        assertThat(client.usages()).containsExactly(ChatUsage.NONE);
        assertThat(log.only().usage()).isEqualTo(ChatUsage.NONE);
    }

    @Test
    void aMixtureReportsItsSynthesisOnceAndNotTheGathering() throws Exception {
        service.startMixture(query(0, 1), client);
        network.call(0).text("Paris is the capital.").end();
        network.call(1).text("The capital is Paris.").end();
        FakeMinerNetwork.FakeCall top = network.awaitCall(3, Duration.ofSeconds(5));
        network.awaitCall(4, Duration.ofSeconds(5)).end();
        network.awaitCall(5, Duration.ofSeconds(5)).end();
        top.text("Paris.").end();

        assertThat(client.usages()).singleElement().isEqualTo(client.summary().usage())
                .satisfies(usage -> assertThat(usage.completionTokens()).isEqualTo(1))
                .satisfies(usage -> assertThat(usage.promptTokens()).as("the synthesis prompt holds the answers")
                        .isGreaterThan(PROMPT));
    }

    @Test
    void aMixtureWhoseClientLeftWhileAnswersWereGatheredPaysItsPromptOnly() {
        ChatHandle chat = service.startMixture(query(0, 1), client);
        network.call(0).text("Paris is the capital.");

        chat.clientGone();

        assertThat(client.usages()).containsExactly(new ChatUsage(PROMPT, 0, true));
    }
}
