package org.sn1gateway.domain.access;

import java.util.Objects;

/** At most {@code tokens} (prompt and completion together) per {@code period} for one key. */
public record TokenBudget(long tokens, BudgetPeriod period) {
    public TokenBudget {
        Objects.requireNonNull(period, "period");
        if (tokens < 1) {
            throw new IllegalArgumentException("a token budget must allow at least 1 token");
        }
    }
}
