package org.sn1gateway.adapters.dendrite;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sn1gateway.domain.model.TokenUsage;

/**
 * One upstream's state shared by its calls: the calls in flight (at most {@code maxConcurrent}), the pause
 * a {@code 429} asked for, and what its answers reported. Thread-safe.
 */
final class UpstreamGate implements CompletionReport {
    private final Upstream upstream;
    private final Semaphore slots;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<String> model = new AtomicReference<>();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();

    UpstreamGate(Upstream upstream) {
        this.upstream = upstream;
        this.slots = new Semaphore(upstream.maxConcurrent());
    }

    Upstream upstream() {
        return upstream;
    }

    /** Takes a call slot, or says no when {@code maxConcurrent} calls are in flight. */
    boolean enter() {
        return slots.tryAcquire();
    }

    void leave() {
        slots.release();
    }

    boolean isFull() {
        return slots.availablePermits() == 0;
    }

    /** Pauses the upstream until {@code until}, unless an earlier 429 already paused it longer. */
    void pauseUntil(Instant until) {
        pausedUntil.accumulateAndGet(until, (current, next) -> next.isAfter(current) ? next : current);
    }

    /** The end of the pause under way at {@code now}, if one is. */
    Optional<Instant> pausedAt(Instant now) {
        Instant until = pausedUntil.get();
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    @Override
    public void model(String reported) {
        model.set(reported);
    }

    @Override
    public void usage(TokenUsage usage) {
        promptTokens.addAndGet(usage.promptTokens());
        completionTokens.addAndGet(usage.completionTokens());
    }

    /** The model its latest answer named, else the configured one. */
    String model() {
        String reported = model.get();
        return reported != null ? reported : upstream.model();
    }

    /** Whether an answer has named its model yet. */
    Optional<String> reportedModel() {
        return Optional.ofNullable(model.get());
    }

    long promptTokens() {
        return promptTokens.get();
    }

    long completionTokens() {
        return completionTokens.get();
    }
}
