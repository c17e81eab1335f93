package org.sn1gateway.domain.access;

import java.time.LocalDate;
import java.util.Objects;

/** A key's chats and tokens on one UTC day. */
public record DailyUsage(String keyId, LocalDate day, UsageTotals totals) {
    public DailyUsage {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(totals, "totals");
    }
}
