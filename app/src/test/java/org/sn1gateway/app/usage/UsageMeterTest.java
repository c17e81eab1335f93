package org.sn1gateway.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.DailyUsage;
import org.sn1gateway.domain.access.KeyDay;
import org.sn1gateway.domain.access.UsageLedger;
import org.sn1gateway.domain.access.UsageTotals;
import org.sn1gateway.domain.model.ChatUsage;

/** Chats counted in memory, flushed in batches, and never counted twice nor lost on the way. */
class UsageMeterTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    /** A ledger in memory that can be made to fail, as a database that is away. */
    private static final class MemoryLedger implements UsageLedger {
        final Map<KeyDay, UsageTotals> days = new HashMap<>();
        final List<Map<KeyDay, UsageTotals>> batches = new ArrayList<>();
        boolean down;

        @Override
        public void add(Map<KeyDay, UsageTotals> usage) {
            if (down) {
                throw new IllegalStateException("database away");
            }
            batches.add(usage);
            usage.forEach((day, totals) -> days.merge(day, totals, UsageTotals::plus));
        }

        @Override
        public UsageTotals totals(String keyId, BudgetPeriod period, LocalDate start) {
            return days.entrySet().stream().filter(entry -> entry.getKey().keyId().equals(keyId)
                            && period.startOf(entry.getKey().day()).equals(start))
                    .map(Map.Entry::getValue).reduce(UsageTotals.ZERO, UsageTotals::plus);
        }

        @Override
        public List<DailyUsage> daily(LocalDate since, Optional<String> keyId) {
            return List.of();
        }
    }

    private final MemoryLedger ledger = new MemoryLedger();
    private final UsageMeter meter = new UsageMeter(ledger, mock(ScheduledExecutorService.class), 5,
            InstantSource.fixed(NOW));

    @Test
    void aKeysTotalsIncludeChatsNotYetStoredAndAFlushWritesThemInOneBatch() {
        meter.add("alice", new ChatUsage(10, 90, true));
        meter.add("alice", new ChatUsage(5, 5, false));
        meter.add("bob", ChatUsage.NONE);

        assertThat(meter.totals("alice", BudgetPeriod.DAY, NOW)).isEqualTo(new UsageTotals(2, 15, 95));
        meter.flush();

        assertThat(ledger.batches).singleElement().satisfies(batch -> assertThat(batch).hasSize(2));
        assertThat(meter.totals("alice", BudgetPeriod.MONTH, NOW)).as("stored once, not counted twice")
                .isEqualTo(new UsageTotals(2, 15, 95));
        assertThat(meter.totals("bob", BudgetPeriod.DAY, NOW)).as("a free chat is still a request")
                .isEqualTo(new UsageTotals(1, 0, 0));
    }

    @Test
    void countsThatCouldNotBeStoredAreKeptAndStoredAtTheNextFlush() {
        meter.add("alice", new ChatUsage(10, 90, true));
        ledger.down = true;
        meter.flush();

        assertThat(meter.totals("alice", BudgetPeriod.DAY, NOW).totalTokens()).isEqualTo(100);
        meter.add("alice", new ChatUsage(1, 1, true));
        ledger.down = false;
        meter.flush();

        assertThat(ledger.totals("alice", BudgetPeriod.DAY, LocalDate.parse("2026-12-04")))
                .isEqualTo(new UsageTotals(2, 11, 91));
        assertThat(meter.totals("alice", BudgetPeriod.DAY, NOW)).isEqualTo(new UsageTotals(2, 11, 91));
    }
}
