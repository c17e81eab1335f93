package org.sn1gateway.adapters.dendrite;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock Unix nanoseconds, strictly increasing within the process: an axon rejects a nonce not
 * larger than the last one it accepted from the same dendrite (bittensor.md §1.7).
 */
public final class NonceSource {
    private final InstantSource clock;
    private final AtomicLong last = new AtomicLong();

    public NonceSource(InstantSource clock) {
        this.clock = clock;
    }

    public static NonceSource systemClock() {
        return new NonceSource(InstantSource.system());
    }

    public long next() {
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return last.accumulateAndGet(nanos, (previous, candidate) -> Math.max(previous + 1, candidate));
    }
}
