package org.sn1gateway.domain.access;

/** Chats and their tokens added up, for a key over some time. */
public record UsageTotals(long requests, long promptTokens, long completionTokens) {
    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0);

    public UsageTotals {
        if (requests < 0 || promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("usage totals must not be negative");
        }
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens);
    }
}
