package org.sn1gateway.domain.service;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.QueryLog;
import org.sn1gateway.domain.port.TokenCounter;
import org.sn1gateway.domain.sampling.MinerSampler;
import org.sn1gateway.domain.selection.Selectors;

/**
 * The gateway's one use case: sample miners, ask them all at once (and more in later waves when they fail
 * or are slow), select an answer as they stream, deliver it to the client's listener, and log every miner's
 * timings.
 */
public final class ChatService {
    private final MinerNetwork network;
    private final QueryLog queryLog;
    private final MinerSampler sampler;
    private final AnswerCleaner cleaner;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final int maxChunksPerAnswer;
    private final WavePolicy waves;
    private final Optional<Fallback> fallback;
    private final TokenAccounting accounting;

    /**
     * The most chunks one miner's answer may have: each delivered chunk repeats all earlier ones
     * ({@code accumulated_chunks}), so a miner sending a byte at a time would otherwise cost its client and
     * the gateway work that grows with the square of its length.
     */
    public static final int DEFAULT_MAX_CHUNKS_PER_ANSWER = 10_000;

    public ChatService(MinerNetwork network, QueryLog queryLog, MinerSampler sampler, AnswerCleaner cleaner,
                       Scheduler scheduler, InstantSource clock) {
        this(network, queryLog, sampler, cleaner, scheduler, clock, DEFAULT_MAX_CHUNKS_PER_ANSWER);
    }

    public ChatService(MinerNetwork network, QueryLog queryLog, MinerSampler sampler, AnswerCleaner cleaner,
                       Scheduler scheduler, InstantSource clock, int maxChunksPerAnswer) {
        this(network, queryLog, sampler, cleaner, scheduler, clock, maxChunksPerAnswer, WavePolicy.single());
    }

    /** @param waves when a chat asks more miners than its first sample (failover, hedging) */
    public ChatService(MinerNetwork network, QueryLog queryLog, MinerSampler sampler, AnswerCleaner cleaner,
                       Scheduler scheduler, InstantSource clock, int maxChunksPerAnswer, WavePolicy waves) {
        this(network, queryLog, sampler, cleaner, scheduler, clock, maxChunksPerAnswer, waves, Optional.empty());
    }

    /** @param fallback asked when no miner is available, or every wave failed before any text reached the client */
    public ChatService(MinerNetwork network, QueryLog queryLog, MinerSampler sampler, AnswerCleaner cleaner,
                       Scheduler scheduler, InstantSource clock, int maxChunksPerAnswer, WavePolicy waves,
                       Optional<Fallback> fallback) {
        this(network, queryLog, sampler, cleaner, scheduler, clock, maxChunksPerAnswer, waves, fallback,
                TokenCounter.NONE);
    }

    /**
     * @param tokens counts the tokens of chats whose source reports none (see {@link ChatListener#onUsage})
     */
    public ChatService(MinerNetwork network, QueryLog queryLog, MinerSampler sampler, AnswerCleaner cleaner,
                       Scheduler scheduler, InstantSource clock, int maxChunksPerAnswer, WavePolicy waves,
                       Optional<Fallback> fallback, TokenCounter tokens) {
        this.accounting = new TokenAccounting(Objects.requireNonNull(tokens, "tokens"));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.waves = Objects.requireNonNull(waves, "waves");
        if (maxChunksPerAnswer < 1) {
            throw new IllegalArgumentException("maxChunksPerAnswer must be at least 1");
        }
        this.maxChunksPerAnswer = maxChunksPerAnswer;
        this.network = Objects.requireNonNull(network, "network");
        this.queryLog = Objects.requireNonNull(queryLog, "queryLog");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a query and returns at once; its answer reaches {@code listener} as it arrives. The query is
     * logged exactly once, when its last miner has ended, whether or not the client stayed.
     */
    public ChatHandle start(ChatQuery query, ChatListener listener) {
        return start(query, listener, null);
    }

    /** Starts a query that is a later phase of the request whose first query is {@code partOf} (or null). */
    ChatHandle start(ChatQuery query, ChatListener listener, UUID partOf) {
        QueryRun.WaveSampler waveSampler = (asked, k) -> sampler.sample(network.metagraph(),
                query.miners().nextWave(asked, k), queryLog.recentMinerStats());
        QueryRun run = new QueryRun(UUID.randomUUID(), partOf, query, Selectors.forPreference(query.prefer()), cleaner,
                listener, queryLog, clock.instant(), maxChunksPerAnswer, network, scheduler, waveSampler,
                waves.maxWaves(), waves.hedgeDelay(queryLog.recentFirstChunkP90()), fallback, accounting);
        run.begin();
        return run;
    }

    /**
     * A mixture of miners: the sampled miners answer in full, then top-incentive miners synthesise one answer
     * from theirs, which streams to {@code listener}. Returns at once; each phase is logged as a query, the
     * synthesis as part of the gathering, whose id the summary reports.
     */
    public ChatHandle startMixture(ChatQuery query, ChatListener listener) {
        return MixtureRun.start(this, query, listener);
    }
}
