package org.sn1gateway.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final Instant TEN_SECONDS_IN = Instant.parse("2026-11-24T10:00:10Z");

    @Test
    void windowsAreWholeMinutesOfTheClockSoEveryInstanceAgrees() {
        SlidingWindow window = new SlidingWindow(5, Instant.parse("2026-11-24T10:00:59.999Z"));

        assertThat(window.currentStart()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(window.previousStart()).isEqualTo(Instant.parse("2026-11-24T09:59:00Z"));
    }

    @Test
    void withAQuietPreviousMinuteTheWholeLimitIsAvailable() {
        assertThat(new SlidingWindow(2, TEN_SECONDS_IN).currentCap(0)).isEqualTo(2);
    }

    @Test
    void thePreviousMinuteWeighsByHowMuchOfItIsStillWithinTheLastMinute() {
        // 50 s of the previous minute are within the last 60 s: 6 × 50/60 = 5 of a limit of 10 are used.
        assertThat(new SlidingWindow(10, TEN_SECONDS_IN).currentCap(6)).isEqualTo(5);
        assertThat(new SlidingWindow(10, TEN_SECONDS_IN).currentCap(30)).isZero();
    }

    @Test
    void aFullPreviousMinuteStillCountsInFullJustAfterTheBoundary() {
        // Two requests at the end of the last minute: a third half a second later must be refused.
        SlidingWindow justAfter = new SlidingWindow(2, Instant.parse("2026-11-24T10:01:00.500Z"));

        assertThat(justAfter.currentCap(2)).isZero();
        assertThat(justAfter.refused(2, 0).retryAfter()).isEqualTo(Duration.ofMillis(29_500));
        assertThat(new SlidingWindow(2, Instant.parse("2026-11-24T10:01:30Z")).currentCap(2)).isEqualTo(1);
    }

    @Test
    void aRefusalInAFullWindowWaitsIntoTheNextUntilThisWindowWeighsLittleEnough() {
        RateDecision refused = new SlidingWindow(2, TEN_SECONDS_IN).refused(0, 2);

        // 50 s to the next window, then 2 × (1 − f) ≤ 1 from f = 0.5: 30 s more.
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(80));
        assertThat(new SlidingWindow(2, Instant.parse("2026-11-24T10:01:30Z")).currentCap(2)).isEqualTo(1);
        assertThat(new SlidingWindow(2, Instant.parse("2026-11-24T10:01:29.999Z")).currentCap(2)).isZero();
        assertThat(refused.reset()).isEqualTo(Duration.ofSeconds(50));
        assertThat(refused.remaining()).isZero();
    }

    @Test
    void aRefusalCausedByThePreviousMinuteWaitsOnlyUntilItsWeightHasFallen() {
        // limit 10, 12 last minute, 0 now: allowed once 12 × (1 − f) ≤ 9, f ≥ 0.25, at 15 s: 5 s from 10 s in.
        RateDecision refused = new SlidingWindow(10, TEN_SECONDS_IN).refused(12, 0);

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new SlidingWindow(10, TEN_SECONDS_IN.plusSeconds(5)).currentCap(12)).isEqualTo(1);
    }

    @Test
    void anAllowedRequestReportsWhatIsLeft() {
        RateDecision allowed = new SlidingWindow(3, TEN_SECONDS_IN).allowed(0, 1);

        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.limit()).isEqualTo(3);
        assertThat(allowed.remaining()).isEqualTo(2);
        assertThat(allowed.retryAfter()).isZero();
    }
}
