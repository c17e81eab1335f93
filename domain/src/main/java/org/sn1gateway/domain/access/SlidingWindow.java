package org.sn1gateway.domain.access;

import java.time.Duration;
import java.time.Instant;

/**
 * The sliding-window rate rule: the clock is cut into one-minute windows, and a request is allowed while
 * {@code ⌈previous × (share of the previous window still inside the last minute)⌉ + current < limit}. It
 * needs only two counters per key, which any shared database can increment atomically, and unlike fixed
 * windows it does not allow twice the limit across a window boundary. The weighted previous count is
 * rounded up, so the estimate never assumes fewer requests in the last minute than may have been made.
 */
public final class SlidingWindow {
    public static final Duration LENGTH = Duration.ofMinutes(1);

    private final int limit;
    private final Instant now;

    public SlidingWindow(int limit, Instant now) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.now = now;
    }

    public Instant currentStart() {
        long length = LENGTH.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    public Instant previousStart() {
        return currentStart().minus(LENGTH);
    }

    /** The current window's count must stay below this for one more request to be allowed. */
    public int currentCap(long previousCount) {
        return (int) Math.max(0, limit - (long) Math.ceil(previousCount * previousWeight()));
    }

    public RateDecision allowed(long previousCount, long currentCountAfter) {
        int remaining = (int) Math.max(0, currentCap(previousCount) - currentCountAfter);
        return new RateDecision(true, limit, remaining, Duration.ZERO, untilWindowEnds());
    }

    /**
     * Refused: the wait is until the previous window's weight has fallen enough, or, when this window is
     * full, into the next one, until this window's count, then the previous one, weighs little enough.
     */
    public RateDecision refused(long previousCount, long currentCount) {
        long waitMillis;
        double room = limit - 1 - currentCount;
        if (room >= 0) {
            // ⌈previous × (1 − f)⌉ ≤ room  ⇔  previous × (1 − f) ≤ room (an integer)  ⇔  f ≥ 1 − room / previous,
            // f being the elapsed share of this window.
            double neededShare = previousCount == 0 ? 0 : 1 - room / previousCount;
            waitMillis = Math.min((long) Math.ceil(neededShare * LENGTH.toMillis()) - elapsedMillis(),
                    untilWindowEnds().toMillis());
        } else {
            double neededShareOfNext = Math.max(0, 1 - (double) (limit - 1) / currentCount);
            waitMillis = untilWindowEnds().toMillis() + (long) Math.ceil(neededShareOfNext * LENGTH.toMillis());
        }
        return new RateDecision(false, limit, 0, Duration.ofMillis(Math.max(0, waitMillis)), untilWindowEnds());
    }

    private double previousWeight() {
        return 1 - (double) elapsedMillis() / LENGTH.toMillis();
    }

    private long elapsedMillis() {
        return now.toEpochMilli() - currentStart().toEpochMilli();
    }

    private Duration untilWindowEnds() {
        return Duration.between(now, currentStart().plus(LENGTH));
    }
}
