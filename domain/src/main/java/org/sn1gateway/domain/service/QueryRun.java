package org.sn1gateway.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.sn1gateway.domain.cleaning.AnswerCleaner;
import org.sn1gateway.domain.cleaning.Verdict;
import org.sn1gateway.domain.model.ChatQuery;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerPrompt;
import org.sn1gateway.domain.port.QueryLog;
import org.sn1gateway.domain.port.ResponseSelector;
import org.sn1gateway.domain.selection.Selection;
import org.sn1gateway.domain.service.MinerProgress.State;

/**
 * One query from fan-out to log row. Every event (a miner's text, end or failure, the deadline, the hedge
 * timer, the client leaving) takes the query's lock, so the state below needs no other synchronisation and
 * the client sees its events in order. Miners are asked in waves (see {@link WavePolicy}); each miner's
 * call starts once the lock is released, so that no adapter is entered while the query holds it.
 */
final class QueryRun implements ChatHandle {
    /** Picks a wave's miners: at most {@code k} by the query's sampling, none of the uids already asked. */
    @FunctionalInterface
    interface WaveSampler {
        List<Miner> sample(Set<Integer> asked, int k);
    }

    private final UUID id;
    private final UUID partOf;
    private final ChatQuery query;
    private final ResponseSelector selector;
    private final AnswerCleaner cleaner;
    private final ClientStream client;
    private final QueryLog queryLog;
    private final Instant startedAt;
    /** The last user message, which answers must not merely echo. */
    private final String prompt;
    private final long startNanos = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<MinerProgress> miners = new ArrayList<>();
    /** Usable answers in the order they became usable. */
    private final List<MinerProgress> candidates = new ArrayList<>();
    private MinerProgress selected;
    private Selection selection;
    private boolean logged;
    private Runnable cancelDeadline = () -> { };
    private Runnable cancelHedge = () -> { };
    private final int maxChunks;
    private final MinerNetwork network;
    private final Scheduler scheduler;
    private final WaveSampler sampler;
    private final int maxWaves;
    private final Optional<Duration> hedgeAfter;
    private int waves;
    private final Optional<Fallback> fallback;
    /** The fallback's calls, once it was asked: they go to its network, not the subnet's. */
    private final Set<MinerProgress> fromFallback = new HashSet<>();
    /** Calls to start once the lock is released. */
    private final List<Runnable> pendingCalls = new ArrayList<>();
    private final TokenAccounting accounting;
    /** What the chat cost its client, fixed once the client's part has ended. */
    private ChatUsage usage;

    QueryRun(UUID id, UUID partOf, ChatQuery query, ResponseSelector selector, AnswerCleaner cleaner,
             ChatListener client, QueryLog queryLog, Instant startedAt, int maxChunks, MinerNetwork network,
             Scheduler scheduler, WaveSampler sampler, int maxWaves, Optional<Duration> hedgeAfter,
             Optional<Fallback> fallback, TokenAccounting accounting) {
        this.accounting = accounting;
        this.fallback = fallback;
        this.maxChunks = maxChunks;
        this.network = network;
        this.scheduler = scheduler;
        this.sampler = sampler;
        this.maxWaves = maxWaves;
        this.hedgeAfter = hedgeAfter;
        this.id = id;
        this.partOf = partOf;
        this.query = query;
        this.selector = selector;
        this.cleaner = cleaner;
        this.client = new ClientStream(client);
        this.queryLog = queryLog;
        this.startedAt = startedAt;
        this.prompt = query.messages().stream().filter(message -> message.role() == Role.USER)
                .reduce((first, second) -> second).map(Message::content).orElse("");
    }

    @Override
    public UUID queryId() {
        return id;
    }

    /** Asks the first wave and arms the deadline and the hedge timer; returns at once. */
    void begin() {
        guarded(() -> {
            if (!startWave(query.miners().k()) && !askFallback()) {
                finishWithError(QueryOutcome.NO_MINER_AVAILABLE, "No miner available: no uid in the metagraph"
                        + " matches the request's uids, exclusions and the availability rules");
                logWhenSettled();
            } else {
                cancelDeadline = scheduler.schedule(query.timeout(), () -> guarded(this::onDeadline));
                armHedge();
            }
        });
    }

    /**
     * Asks up to {@code k} miners not asked before, as wave {@code waves + 1}; false when none is left. Their
     * calls start when the lock is released.
     */
    private boolean startWave(int k) {
        Set<Integer> asked = new HashSet<>();
        miners.forEach(progress -> asked.add(progress.uid()));
        return startWave(sampler.sample(asked, k));
    }

    /**
     * Asks the fallback as the last wave, when there is one, nothing reached the client, no answer is usable and
     * time is left; false when it was not asked.
     */
    private boolean askFallback() {
        if (fallback.isEmpty() || !fromFallback.isEmpty() || selected != null || !candidates.isEmpty()
                || !client.isOpen() || timeLeft().compareTo(WavePolicy.MIN_WAVE_TIME) < 0) {
            return false;
        }
        int before = miners.size();
        if (!startWave(fallback.get().pick(query.miners().k()))) {
            return false;
        }
        fromFallback.addAll(miners.subList(before, miners.size()));
        return true;
    }

    private boolean startWave(List<Miner> sample) {
        if (sample.isEmpty()) {
            return false;
        }
        waves++;
        // A later wave's miners are told the time the chat has left, not the whole timeout.
        MinerPrompt prompt = new MinerPrompt(query.messages(), waves == 1 ? query.timeout() : timeLeft());
        List<MinerProgress> wave = sample.stream().map(miner -> new MinerProgress(miner, waves)).toList();
        miners.addAll(wave);
        wave.forEach(progress -> trace(MinerEvent.Phase.ASKED, progress));
        for (MinerProgress progress : wave) {
            pendingCalls.add(() -> {
                MinerCall call = ask(progress, prompt);
                guarded(() -> progress.attach(call));
            });
        }
        return true;
    }

    /** Whether another wave may start: nothing reached the client yet, and waves and time are left. */
    private boolean mayAddWave() {
        return selected == null && fromFallback.isEmpty() && client.isOpen() && waves < maxWaves
                && timeLeft().compareTo(WavePolicy.MIN_WAVE_TIME) >= 0;
    }

    /**
     * No miner has sent usable text in time: one more wave runs beside those already running, and the timer is
     * armed again, so that a wave stuck on miners that hang is followed by the next one.
     */
    private void onHedge() {
        cancelHedge = () -> { };
        if (candidates.isEmpty() && mayAddWave() && startWave(query.miners().k()) && waves < maxWaves) {
            armHedge();
        }
    }

    private void armHedge() {
        hedgeAfter.ifPresent(delay -> cancelHedge = scheduler.schedule(delay, () -> guarded(this::onHedge)));
    }

    /**
     * Once every miner has ended without enough usable answers (one for {@code first}, {@code k} for the modes
     * that compare), asks a new wave for those missing; false when none was started.
     */
    private boolean failOver() {
        if (!mayAddWave()) {
            return false;
        }
        int wanted = query.prefer() == Preference.FIRST ? 1 : query.miners().k();
        long usable = candidates.stream().filter(progress -> progress.state() == State.COMPLETE).count();
        if (usable >= wanted || !startWave((int) (query.miners().k() - usable))) {
            return false;
        }
        // The hedge timer may have fired, or been cancelled by a selection since retracted, while text still
        // looked usable: the new wave gets its own, or a wave of hanging miners would wait out the timeout.
        cancelHedge.run();
        if (waves < maxWaves) {
            armHedge();
        }
        return true;
    }

    private Duration timeLeft() {
        return query.timeout().minus(elapsed());
    }

    private MinerCall ask(MinerProgress progress, MinerPrompt prompt) {
        MinerAnswerListener listener = new ProgressListener(progress);
        try {
            MinerNetwork asked = fromFallback.contains(progress) ? fallback.orElseThrow().network() : network;
            return asked.ask(progress.miner(), prompt, listener);
        } catch (RuntimeException e) {
            // The port promises not to throw; if an adapter does anyway, the query must still end.
            listener.onFailure(new MinerFailure(MinerFailure.Kind.CONNECT, "call_not_started", e.toString(),
                    "the call could not start: " + e));
            return () -> { };
        }
    }

    @Override
    public void clientGone() {
        guarded(() -> {
            if (!client.isOpen()) {
                return;
            }
            client.abandon(this::usage);
            cancelHedge.run();
            Duration at = elapsed();
            for (MinerProgress progress : miners) {
                if (progress.isRunning()) {
                    progress.stop(State.CANCELLED, Reason.fixed("client_disconnected", "the client disconnected"), at);
                }
            }
            logWhenSettled();
        });
    }

    private void onText(MinerProgress progress, String text) {
        if (!progress.isRunning()) {
            return;
        }
        Duration at = elapsed();
        if (progress.chunks().size() >= maxChunks) {
            progress.cancelCall();
            onFailure(progress, new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, "too_many_chunks",
                    maxChunks + " chunks", "the answer exceeded the limit of " + maxChunks + " chunks"));
            return;
        }
        boolean first = progress.chunks().isEmpty();
        progress.append(text, at);
        if (first) {
            trace(MinerEvent.Phase.FIRST_CHUNK, progress);
        }
        if (progress == selected) {
            client.send(progress.uid(), text, at);
        } else if (progress.verdict().decision() == Verdict.Decision.UNDECIDED) {
            progress.judged(cleaner.judgeOpening(progress.text(), prompt));
            if (progress.verdict().isUsable()) {
                candidates.add(progress);
                considerSelection(false);
            }
        }
    }

    private void onEnd(MinerProgress progress) {
        if (!progress.isRunning()) {
            return;
        }
        progress.complete(elapsed());
        progress.judged(cleaner.judgeAnswer(progress.text(), prompt));
        trace(MinerEvent.Phase.ENDED, progress);
        if (progress == selected) {
            finishDelivery();
        } else if (!progress.verdict().isUsable()) {
            candidates.remove(progress);
        } else if (!candidates.contains(progress)) {
            candidates.add(progress);
        }
        afterMinerEnded();
    }

    private void onFailure(MinerProgress progress, MinerFailure failure) {
        if (!progress.isRunning()) {
            return;
        }
        progress.fail(failure, elapsed());
        trace(MinerEvent.Phase.ENDED, progress);
        if (progress == selected && client.retract()) {
            // Its text never reached the client, which waits for the whole answer: choose again, as if it had
            // never been chosen (another usable answer, or failover).
            selected = null;
            selection = null;
        }
        if (progress == selected) {
            finishWithError(QueryOutcome.SELECTED_FAILED, "The selected miner (uid " + progress.uid()
                    + ") failed before finishing its answer: " + failure.message());
        } else {
            candidates.remove(progress);
        }
        afterMinerEnded();
    }

    private void onDeadline() {
        Duration at = elapsed();
        String limit = seconds(query.timeout()) + " s";
        Reason why = new Reason("timeout", limit, "no complete answer within the timeout of " + limit);
        for (MinerProgress progress : miners) {
            if (progress.isRunning()) {
                progress.stop(State.TIMED_OUT, why, at);
                trace(MinerEvent.Phase.ENDED, progress);
                if (progress != selected) {
                    candidates.remove(progress);
                }
            }
        }
        if (selected != null) {
            finishWithError(QueryOutcome.SELECTED_TIMED_OUT, "The selected miner (uid " + selected.uid()
                    + ") did not finish within the timeout of " + seconds(query.timeout()) + " s");
        } else {
            considerSelection(true);
        }
        logWhenSettled();
    }

    /** Sent before whatever the step leads to, so that a miner's end precedes the stream's. */
    private void trace(MinerEvent.Phase phase, MinerProgress progress) {
        client.miner(() -> new MinerEvent(phase, progress.toResponse(progress == selected)));
    }

    private void afterMinerEnded() {
        boolean allEnded = miners.stream().noneMatch(MinerProgress::isRunning);
        if (allEnded && (failOver() || askFallback())) {
            return;
        }
        considerSelection(allEnded);
        if (allEnded) {
            cancelDeadline.run();
            logWhenSettled();
        }
    }

    private void considerSelection(boolean finished) {
        if (selected != null || !client.isOpen()) {
            return;
        }
        Optional<Selection> choice = selector.select(
                candidates.stream().map(MinerProgress::asCandidate).toList(), finished);
        if (choice.isPresent()) {
            select(choice.get());
        } else if (finished) {
            ChatError error = FailureSummary.of(miners, query.timeout());
            finishWithError(error.outcome(), error.message());
        }
    }

    private void select(Selection choice) {
        selection = choice;
        selected = miners.stream().filter(progress -> progress.uid() == choice.uid()).findFirst()
                .orElseThrow(() -> new IllegalStateException(selector.rule() + " chose an unknown uid " + choice.uid()));
        cancelHedge.run();
        cancelOtherWaves();
        for (int i = 0; i < selected.chunks().size(); i++) {
            client.send(selected.uid(), selected.chunks().get(i), selected.chunkTimes().get(i));
        }
        if (selected.state() == State.COMPLETE) {
            finishDelivery();
        }
    }

    /** The first usable answer of any wave wins: the miners of the other waves are no longer needed. */
    private void cancelOtherWaves() {
        Duration at = elapsed();
        Reason why = Reason.fixed("other_wave_chosen", "another wave's answer was chosen");
        for (MinerProgress progress : miners) {
            if (progress.isRunning() && progress.wave() != selected.wave()) {
                progress.stop(State.CANCELLED, why, at);
                trace(MinerEvent.Phase.ENDED, progress);
                candidates.remove(progress);
            }
        }
    }

    private void finishDelivery() {
        client.complete(selected.uid(), elapsed(), this::summary);
    }

    private void finishWithError(QueryOutcome failure, String message) {
        client.fail(failure, message, this::summary);
    }

    /** Logs once the client's part is over and no miner is still answering. */
    private void logWhenSettled() {
        if (logged || client.isOpen() || miners.stream().anyMatch(MinerProgress::isRunning)) {
            return;
        }
        logged = true;
        cancelDeadline.run();
        cancelHedge.run();
        queryLog.record(new QueryRecord(id, startedAt, query, client.outcome(), selected == null ? null : selected.uid(),
                elapsed(), responses(), partOf, selectedBy(), usage()));
    }

    private ChatSummary summary() {
        return new ChatSummary(id, selected == null ? OptionalInt.empty() : OptionalInt.of(selected.uid()),
                client.delivered(), client.completion(), elapsed(), responses(),
                selectedBy(),
                selection == null ? OptionalInt.empty() : selection.support(), usage());
    }

    /**
     * What the chat cost its client; only once its stream has ended (counted then, and fixed), since it
     * depends on how it ended: a chat that failed before any text is free, one whose client left is charged
     * its prompt and what was sent, one delivered whole the source's own counts where it reported them.
     */
    private ChatUsage usage() {
        if (usage == null) {
            QueryOutcome outcome = client.outcome();
            boolean whole = outcome == QueryOutcome.DELIVERED;
            boolean charged = whole || outcome == QueryOutcome.CLIENT_DISCONNECTED || !client.delivered().isEmpty();
            usage = accounting.of(query.messages(), client.completion(), charged, whole,
                    selected == null ? null : selected.usage());
        }
        return usage;
    }

    /** The rule that chose the delivered answer, or {@link Fallback#SELECTED_BY} when the fallback gave it. */
    private String selectedBy() {
        if (selection == null) {
            return null;
        }
        return fromFallback.contains(selected) ? Fallback.SELECTED_BY : selection.rule();
    }

    private List<MinerResponse> responses() {
        return miners.stream().map(progress -> progress.toResponse(progress == selected)).toList();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? Long.toString(duration.toSeconds())
                : Double.toString(duration.toMillis() / 1000.0);
    }

    /** Runs {@code action} under the lock, then starts the calls it asked for once the lock is released. */
    private void guarded(Runnable action) {
        List<Runnable> calls = List.of();
        lock.lock();
        try {
            action.run();
        } finally {
            if (lock.getHoldCount() == 1 && !pendingCalls.isEmpty()) {
                calls = List.copyOf(pendingCalls);
                pendingCalls.clear();
            }
            lock.unlock();
        }
        calls.forEach(Runnable::run);
    }

    /** Routes one miner's callbacks into the query under its lock. */
    private final class ProgressListener implements MinerAnswerListener {
        private final MinerProgress progress;

        ProgressListener(MinerProgress progress) {
            this.progress = progress;
        }

        @Override
        public void onText(String text) {
            guarded(() -> QueryRun.this.onText(progress, text));
        }

        @Override
        public void onUsage(TokenUsage usage) {
            guarded(() -> progress.used(usage));
        }

        @Override
        public void onEnd() {
            guarded(() -> QueryRun.this.onEnd(progress));
        }

        @Override
        public void onFailure(MinerFailure failure) {
            guarded(() -> QueryRun.this.onFailure(progress, failure));
        }
    }
}
