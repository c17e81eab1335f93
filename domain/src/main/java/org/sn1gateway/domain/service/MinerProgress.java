package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sn1gateway.domain.cleaning.Verdict;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.Reason;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.selection.CandidateAnswer;

/** One miner's answer as it accumulates. Not thread-safe: its query's lock guards it. */
final class MinerProgress {
    enum State { RUNNING, COMPLETE, FAILED, TIMED_OUT, CANCELLED }

    private final Miner miner;
    private final int wave;
    private final List<String> chunks = new ArrayList<>();
    private final List<Duration> chunkTimes = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private State state = State.RUNNING;
    private Verdict verdict = Verdict.UNDECIDED;
    private Reason failureReason;
    private boolean failureWasTimeout;
    private Duration endedAt;
    private MinerCall call;
    private TokenUsage usage;

    MinerProgress(Miner miner, int wave) {
        this.miner = miner;
        this.wave = wave;
    }

    int wave() {
        return wave;
    }

    Miner miner() {
        return miner;
    }

    int uid() {
        return miner.uid();
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    State state() {
        return state;
    }

    Verdict verdict() {
        return verdict;
    }

    void judged(Verdict verdict) {
        this.verdict = verdict;
    }

    List<String> chunks() {
        return chunks;
    }

    List<Duration> chunkTimes() {
        return chunkTimes;
    }

    String text() {
        return text.toString();
    }

    void append(String piece, Duration at) {
        chunks.add(piece);
        chunkTimes.add(at);
        text.append(piece);
    }

    void used(TokenUsage usage) {
        this.usage = usage;
    }

    /** The tokens its server reported for the answer, or null. */
    TokenUsage usage() {
        return usage;
    }

    /** Remembers the call; cancels it at once if this miner already stopped counting. */
    void attach(MinerCall call) {
        this.call = call;
        if (!isRunning()) {
            call.cancel();
        }
    }

    /** Ends the miner's call without changing how its part is counted. */
    void cancelCall() {
        if (call != null) {
            call.cancel();
        }
    }

    void complete(Duration at) {
        end(State.COMPLETE, at);
    }

    void fail(MinerFailure failure, Duration at) {
        failureReason = failure.reason();
        failureWasTimeout = failure.kind() == MinerFailure.Kind.TIMEOUT;
        end(State.FAILED, at);
    }

    /** Stops a running call for the given reason ({@code TIMED_OUT} or {@code CANCELLED}). */
    void stop(State reason, Reason why, Duration at) {
        failureReason = why;
        end(reason, at);
        if (call != null) {
            call.cancel();
        }
    }

    private void end(State newState, Duration at) {
        state = newState;
        endedAt = at;
    }

    CandidateAnswer asCandidate() {
        return new CandidateAnswer(uid(), text(), state == State.COMPLETE);
    }

    MinerResponse toResponse(boolean selected) {
        Duration firstChunk = chunkTimes.isEmpty() ? null : chunkTimes.getFirst();
        String content = text();
        return new MinerResponse(uid(), miner.hotkey(), status(selected), reason(), firstChunk, endedAt, chunkTimes,
                content.codePointCount(0, content.length()), selected, content, wave, usage);
    }

    private MinerStatus status(boolean selected) {
        return switch (state) {
            case RUNNING -> MinerStatus.PENDING;
            case COMPLETE -> completedStatus(selected);
            case FAILED -> failureWasTimeout ? MinerStatus.TIMEOUT : MinerStatus.ERROR;
            case TIMED_OUT -> MinerStatus.TIMEOUT;
            case CANCELLED -> MinerStatus.CANCELLED;
        };
    }

    private MinerStatus completedStatus(boolean selected) {
        return switch (verdict.decision()) {
            case EMPTY -> MinerStatus.EMPTY;
            case FILTERED -> MinerStatus.FILTERED;
            case USABLE, UNDECIDED -> selected ? MinerStatus.SELECTED : MinerStatus.OK;
        };
    }

    private Reason reason() {
        return state == State.COMPLETE ? verdict.reason() : failureReason;
    }
}
