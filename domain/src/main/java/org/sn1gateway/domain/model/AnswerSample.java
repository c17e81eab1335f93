package org.sn1gateway.domain.model;

import java.time.Instant;

/** One finished miner answer as the query log kept it: when, whose, how it ended, and its times in seconds. */
public record AnswerSample(Instant startedAt, int uid, String status, Double ttfcSeconds, Double totalSeconds) {
    public boolean usable() {
        return "ok".equals(status) || "selected".equals(status);
    }
}
