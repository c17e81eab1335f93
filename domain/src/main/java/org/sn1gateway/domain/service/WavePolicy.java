package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a chat asks more miners than its first wave: failover once every miner asked has failed before any
 * text reached the client, hedging once no miner has sent usable text for a while, and for the modes that
 * compare answers, while fewer than {@code k} are usable. Each wave asks at most {@code k} miners.
 *
 * @param maxWaves   the most waves one chat may ask, the first included; 1 turns waves off
 * @param hedgeAfter how long to wait for usable text before hedging: {@link Duration#ZERO} turns hedging
 *                   off, and empty means the measured 90th percentile of time to first chunk, bounded to
 *                   {@link #MIN_HEDGE}..{@link #MAX_HEDGE}
 */
public record WavePolicy(int maxWaves, Optional<Duration> hedgeAfter) {
    public static final int DEFAULT_MAX_WAVES = 3;
    public static final Duration MIN_HEDGE = Duration.ofSeconds(1);
    /** Also the delay while nothing has been measured yet: waiting too long costs less than hedging every chat. */
    public static final Duration MAX_HEDGE = Duration.ofSeconds(10);
    /** A later wave needs at least this much of the chat's timeout left, or its miners could not answer. */
    static final Duration MIN_WAVE_TIME = Duration.ofSeconds(1);

    public WavePolicy {
        if (maxWaves < 1) {
            throw new IllegalArgumentException("maxWaves must be at least 1, was " + maxWaves);
        }
        Objects.requireNonNull(hedgeAfter, "hedgeAfter");
        if (hedgeAfter.isPresent() && hedgeAfter.get().isNegative()) {
            throw new IllegalArgumentException("hedgeAfter must not be negative, was " + hedgeAfter.get());
        }
    }

    /** One wave and no hedging: every chat asks only the miners it first sampled. */
    public static WavePolicy single() {
        return new WavePolicy(1, Optional.of(Duration.ZERO));
    }

    /** The defaults: three waves, hedging after the measured time to first chunk. */
    public static WavePolicy defaults() {
        return new WavePolicy(DEFAULT_MAX_WAVES, Optional.empty());
    }

    /** How long a chat waits for usable text before it hedges, or empty when it never does. */
    Optional<Duration> hedgeDelay(Optional<Duration> measuredP90) {
        if (maxWaves < 2) {
            return Optional.empty();
        }
        Duration delay = hedgeAfter.orElseGet(() -> bounded(measuredP90.orElse(MAX_HEDGE)));
        return delay.isZero() ? Optional.empty() : Optional.of(delay);
    }

    private static Duration bounded(Duration measured) {
        return measured.compareTo(MIN_HEDGE) < 0 ? MIN_HEDGE : measured.compareTo(MAX_HEDGE) > 0 ? MAX_HEDGE : measured;
    }
}
