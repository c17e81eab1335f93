package org.sn1gateway.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.cleaning.Verdict;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.SamplingMode;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerPrompt;
import org.sn1gateway.domain.port.QueryLog;
import org.sn1gateway.domain.sampling.AvailabilityRules;
import org.sn1gateway.domain.sampling.OutlierEjection;

/**
 * Asks miners a short question before clients do, as a load balancer's active health check. A stream cannot
 * change miner once its text has reached the client, so a miner that breaks off mid-answer breaks the first
 * streams it is given before passive ejection can notice; a probe finds it first. A miner whose probe fails,
 * breaks off or is filtered is set aside until a later probe passes ({@link OutlierEjection#probed}).
 * <p>
 * A round asks only the miners due: those not probed yet (by hotkey, so a new neuron at an old uid counts as
 * new) and those set aside, which is how they come back. A miner still streaming usable text when the probe's
 * time is up passes: it is slow, not broken. Each round goes into the query log like a chat, with outcome
 * {@code probed} and no client, so that the miners' statistics and the operator's SQL see it.
 */
public final class MinerProbe {
    /** Short, so that a probe costs a miner little, and plain, so that any chat model answers it. */
    static final String QUESTION = "In one sentence, what is the capital of France?";
    /** How the query log tells a probe's round from a client's chat. */
    public static final String SELECTED_BY = "probe";

    /** One miner's verdict; {@code reason} is null for a pass. */
    public record Result(int uid, boolean usable, String reason) {
    }

    private final MinerNetwork network;
    private final AvailabilityRules rules;
    private final AnswerCleaner cleaner;
    private final OutlierEjection ejection;
    private final QueryLog queryLog;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final Duration timeout;
    private final Set<String> probedHotkeys = ConcurrentHashMap.newKeySet();

    /** @param queryLog where each round goes, as a query with outcome {@code probed}, for the miners' statistics */
    public MinerProbe(MinerNetwork network, AvailabilityRules rules, AnswerCleaner cleaner, OutlierEjection ejection,
                      QueryLog queryLog, Scheduler scheduler, InstantSource clock, Duration timeout) {
        this.network = Objects.requireNonNull(network, "network");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.ejection = Objects.requireNonNull(ejection, "ejection");
        this.queryLog = Objects.requireNonNull(queryLog, "queryLog");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the probe's timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    /** Asks the miners due at once; completes, with their verdicts, when each has ended or the timeout ran out. */
    public CompletableFuture<List<Result>> round() {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        List<Probe> probes = network.metagraph().miners().stream()
                .filter(rules::isAvailable)
                .filter(miner -> !probedHotkeys.contains(miner.hotkey()) || ejection.isEjected(miner.uid()))
                .map(miner -> new Probe(miner, startNanos))
                .toList();
        if (probes.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        probes.forEach(Probe::start);
        Runnable cancelDeadline = scheduler.schedule(timeout, () -> probes.forEach(Probe::timeUp));
        return CompletableFuture.allOf(probes.stream().map(probe -> probe.result).toArray(CompletableFuture[]::new))
                .thenApply(allEnded -> {
                    cancelDeadline.run();
                    record(startedAt, startNanos, probes);
                    return probes.stream().map(probe -> probe.result.join()).toList();
                });
    }

    private void record(Instant startedAt, long startNanos, List<Probe> probes) {
        List<Integer> uids = probes.stream().map(probe -> probe.progress.uid()).toList();
        ChatQuery query = new ChatQuery(List.of(new Message(Role.USER, QUESTION)),
                new MinerSelection(uids.size(), SamplingMode.RANDOM, Set.of(), uids), Preference.FIRST, timeout);
        queryLog.record(new QueryRecord(UUID.randomUUID(), startedAt, query, QueryOutcome.PROBED, null,
                Duration.ofNanos(System.nanoTime() - startNanos), probes.stream().map(Probe::response).toList(),
                null, SELECTED_BY));
    }

    /** One miner's probe; its callbacks and the deadline may come from different threads. */
    private final class Probe implements MinerAnswerListener {
        private final MinerProgress progress;
        private final long startNanos;
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private MinerCall call;

        Probe(Miner miner, long startNanos) {
            this.progress = new MinerProgress(miner, 1);
            this.startNanos = startNanos;
        }

        void start() {
            MinerCall started = network.ask(progress.miner(),
                    new MinerPrompt(List.of(new Message(Role.USER, QUESTION)), timeout), this);
            synchronized (this) {
                call = started;
                if (result.isDone()) {
                    call.cancel();
                }
            }
        }

        @Override
        public synchronized void onText(String piece) {
            if (!result.isDone()) {
                progress.append(piece, elapsed());
            }
        }

        @Override
        public synchronized void onEnd() {
            if (result.isDone()) {
                return;
            }
            progress.complete(elapsed());
            Verdict verdict = cleaner.judgeAnswer(progress.text(), QUESTION);
            progress.judged(verdict);
            finish(verdict.isUsable(), verdict.isUsable() ? null : reasonOf(verdict));
        }

        @Override
        public synchronized void onFailure(MinerFailure failure) {
            if (result.isDone()) {
                return;
            }
            progress.fail(failure, elapsed());
            finish(false, failure.message());
        }

        synchronized void timeUp() {
            if (result.isDone()) {
                return;
            }
            progress.stop(MinerProgress.State.TIMED_OUT, Reason.fixed("probe_timeout",
                    "still answering when the probe's " + timeout.toSeconds() + " s ran out"), elapsed());
            if (call != null) {
                call.cancel();
            }
            if (progress.chunks().isEmpty()) {
                finish(false, "no text within the probe's " + timeout.toSeconds() + " s");
            } else {
                // Slow, not broken: text that passes the rules so far is what a client would have been given.
                Verdict opening = cleaner.judgeOpening(progress.text(), QUESTION);
                finish(!opening.isRejected(), opening.isRejected() ? reasonOf(opening) : null);
            }
        }

        synchronized MinerResponse response() {
            return progress.toResponse(false);
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        private void finish(boolean usable, String reason) {
            if (result.complete(new Result(progress.uid(), usable, reason))) {
                probedHotkeys.add(progress.miner().hotkey());
                ejection.probed(progress.uid(), usable);
            }
        }
    }

    private static String reasonOf(Verdict verdict) {
        return verdict.reason() == null ? verdict.decision().name().toLowerCase(Locale.ROOT) : verdict.reason().text();
    }
}
