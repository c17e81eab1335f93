package org.sn1gateway.domain.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each key's chats and tokens per UTC day and per UTC month, kept where every gateway instance sees them, so
 * that a budget holds for all of them together. Every method blocks on I/O and throws when the store cannot
 * be reached; callers keep it off the request path except for one read before a budgeted chat.
 */
public interface UsageLedger {
    /**
     * Adds each key's usage of each day to that day's totals and to its month's, all or nothing. Additive:
     * instances adding at the same time add up, none overwrites another's.
     */
    void add(Map<KeyDay, UsageTotals> usage);

    /** A key's totals over the period starting on {@code start}; zero when it has none. */
    UsageTotals totals(String keyId, BudgetPeriod period, LocalDate start);

    /** Per key and day from {@code since} on, by key then day; of one key, or of all. */
    List<DailyUsage> daily(LocalDate since, Optional<String> keyId);
}
