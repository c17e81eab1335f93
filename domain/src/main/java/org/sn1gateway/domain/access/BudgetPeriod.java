package org.sn1gateway.domain.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** The calendar period a token budget covers, in UTC: it resets at the period's end. */
public enum BudgetPeriod {
    DAY,
    MONTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code day} or {@code month}, in any case; anything else is refused with the choices. */
    public static BudgetPeriod fromWireName(String name) {
        for (BudgetPeriod period : values()) {
            if (period.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return period;
            }
        }
        throw new IllegalArgumentException("a budget period is day or month, not " + name);
    }

    /** The first day of the period that holds this instant. */
    public LocalDate startOf(Instant at) {
        return startOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** The first day of the period that holds this day. */
    public LocalDate startOf(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** When the period starting on {@code start} ends and the next begins. */
    public Instant endOf(LocalDate start) {
        LocalDate next = this == DAY ? start.plusDays(1) : start.plusMonths(1);
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant startInstant(LocalDate start) {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
