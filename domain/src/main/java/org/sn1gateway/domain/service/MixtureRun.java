package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;

/**
 * A mixture of miners: first every sampled miner answers in full, then the top-incentive miners are asked
 * to write one answer from those, and the first usable synthesis streams to the client. Both phases are
 * logged as queries of their own, the synthesis as part of the gathering. The client's summary speaks for
 * the whole request: the gathering's id, the time since the request started, and the miners of both.
 */
final class MixtureRun implements ChatHandle {
    /** Synthesis goes to this many top-incentive miners, so one failing miner does not fail the mixture. */
    static final int SYNTHESISERS = 3;

    private final ChatService chat;
    private final ChatQuery query;
    private final ChatListener client;
    private final long startNanos = System.nanoTime();
    private volatile ChatHandle phase;
    /** The gathering's id, which names the whole request. */
    private volatile UUID requestId;
    private volatile boolean gone;

    private MixtureRun(ChatService chat, ChatQuery query, ChatListener client) {
        this.chat = chat;
        this.query = query;
        this.client = client;
    }

    static MixtureRun start(ChatService chat, ChatQuery query, ChatListener client) {
        MixtureRun run = new MixtureRun(chat, query, client);
        ChatQuery gather = new ChatQuery(query.messages(), query.miners(), Preference.LONGEST, query.timeout());
        run.phase = chat.start(gather, run.new Gathering());
        run.requestId = run.phase.queryId();
        return run;
    }

    @Override
    public UUID queryId() {
        return requestId;
    }

    @Override
    public void clientGone() {
        gone = true;
        phase.clientGone();
    }

    private void synthesise(ChatSummary gathered) {
        List<String> answers = gathered.miners().stream()
                .filter(miner -> miner.status() == MinerStatus.OK || miner.status() == MinerStatus.SELECTED)
                .map(MinerResponse::text).toList();
        List<Message> messages = new ArrayList<>(query.messages());
        messages.add(new Message(Role.USER, SynthesisPrompt.of(lastQuestion(), answers)));
        ChatQuery synthesis = new ChatQuery(messages,
                new MinerSelection(SYNTHESISERS, SamplingMode.TOP_INCENTIVE, query.miners().exclude(), List.of()),
                Preference.FIRST, query.timeout());
        phase = chat.start(synthesis, new Reporting(gathered.queryId(), gathered.miners(), elapsed()),
                gathered.queryId());
        if (gone) {
            phase.clientGone();
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private String lastQuestion() {
        return query.messages().stream().filter(message -> message.role() == Role.USER)
                .reduce((first, second) -> second).map(Message::content).orElse("");
    }

    /**
     * Phase one: nothing reaches the client unless every answer failed. Its cost is the client's only when the
     * chat ends here (failed, or the client left: then its prompt, since none of the answers reached it);
     * otherwise the synthesis reports the cost of the whole request.
     */
    private final class Gathering implements ChatListener {
        private ChatError error;
        private ChatUsage usage = ChatUsage.NONE;
        private final AtomicBoolean billed = new AtomicBoolean();

        @Override
        public void onChunk(DeliveredChunk chunk) {
            // Answers are read whole from the summary.
        }

        @Override
        public void onError(ChatError error) {
            this.error = error;
        }

        @Override
        public void onUsage(ChatUsage usage) {
            this.usage = usage;
            if (gone) {
                bill(promptOnly(usage));
            }
        }

        @Override
        public void onDone(ChatSummary summary) {
            if (error != null) {
                bill(usage);
                client.onError(error);
                client.onDone(summary);
            } else if (!gone) {
                // Phase two starts off the query's lock: ChatService.start takes other locks and asks miners.
                Thread.ofVirtual().name("mixture-" + summary.queryId()).start(() -> synthesise(summary));
            } else {
                bill(promptOnly(usage));
            }
        }

        private void bill(ChatUsage cost) {
            if (billed.compareAndSet(false, true)) {
                client.onUsage(cost);
            }
        }

        private static ChatUsage promptOnly(ChatUsage usage) {
            return new ChatUsage(usage.promptTokens(), 0, usage.estimated());
        }
    }

    /**
     * Phase two: streams to the client, and adds the gathering miners to the summary. Its chunks' times move
     * by the time the gathering took, so that they count from the start of the request as every chunk's do.
     */
    private final class Reporting implements ChatListener {
        private final UUID requestId;
        private final List<MinerResponse> gatherers;
        private final Duration startedAt;

        Reporting(UUID requestId, List<MinerResponse> gatherers, Duration startedAt) {
            this.requestId = requestId;
            this.gatherers = gatherers;
            this.startedAt = startedAt;
        }

        @Override
        public void onChunk(DeliveredChunk chunk) {
            client.onChunk(fromRequestStart(chunk));
        }

        private DeliveredChunk fromRequestStart(DeliveredChunk chunk) {
            return new DeliveredChunk(chunk.sequence(), chunk.delta(), startedAt.plus(chunk.receivedAt()), chunk.uid(),
                    chunk.last());
        }

        @Override
        public void onError(ChatError error) {
            client.onError(error);
        }

        @Override
        public void onUsage(ChatUsage usage) {
            client.onUsage(usage);
        }

        @Override
        public void onDone(ChatSummary summary) {
            List<MinerResponse> miners = new ArrayList<>(summary.miners());
            gatherers.stream().map(miner -> miner.status() == MinerStatus.SELECTED ? asOk(miner) : miner)
                    .forEach(miners::add);
            client.onDone(new ChatSummary(requestId, summary.uid(),
                    summary.streamedChunks().stream().map(this::fromRequestStart).toList(),
                    summary.completion(), elapsed(), miners,
                    summary.selectedBy() == null ? null : "mixture", summary.support(), summary.usage()));
        }
    }

    /** A gathering miner's answer was used as material, not delivered: it reports as ok. */
    private static MinerResponse asOk(MinerResponse response) {
        return new MinerResponse(response.uid(), response.hotkey(), MinerStatus.OK, response.reason(),
                response.timeToFirstChunk(), response.totalTime(), response.chunkTimings(), response.characters(),
                false, response.text(), response.wave(), response.usage());
    }
}
