package org.sn1gateway.domain.model;

/**
 * One miner's logged timings over a period, in seconds; the timing fields are null when no answer of the
 * period had text.
 *
 * @param queries        answers that finished or failed (cancelled and pending ones are not counted)
 * @param successRate    share of those that were usable, 0..1
 * @param charsPerSecond characters of usable answers per second of their total time
 */
public record MinerTimings(int uid, long queries, double successRate, Double ttfcP50, Double ttfcP95,
                           Double totalP50, Double totalP95, Double charsPerSecond) {
}
