package org.sn1gateway.app.api;

import java.time.Duration;

/** Durations as the API writes them: seconds, to the microsecond. */
public final class Seconds {
    private Seconds() {
    }

    public static double of(Duration duration) {
        return Math.round(duration.toNanos() / 1_000.0) / 1_000_000.0;
    }

    public static Double orNull(Duration duration) {
        return duration == null ? null : of(duration);
    }
}
