package org.sn1gateway.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What the query log observed of one miner recently.
 *
 * @param answers                how many times it was asked and finished (or failed)
 * @param successRate            share of those that gave a usable answer, 0..1
 * @param medianTimeToFirstChunk over the answers that sent text
 */
public record MinerStats(int uid, int answers, double successRate, Duration medianTimeToFirstChunk) {
    public MinerStats {
        Objects.requireNonNull(medianTimeToFirstChunk, "medianTimeToFirstChunk");
        if (successRate < 0 || successRate > 1) {
            throw new IllegalArgumentException("successRate must be within 0..1, was " + successRate);
        }
    }
}
