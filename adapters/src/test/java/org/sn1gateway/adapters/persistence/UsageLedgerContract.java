package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.DailyUsage;
import org.sn1gateway.domain.access.KeyDay;
import org.sn1gateway.domain.access.UsageTotals;

/** Per-key totals per day and month on every database; one subclass per database. */
abstract class UsageLedgerContract {
    private static final LocalDate LAST_OF_NOVEMBER = LocalDate.parse("2026-11-30");
    private static final LocalDate FIRST_OF_DECEMBER = LocalDate.parse("2026-12-01");

    private final TestDatabase database = database();
    private final Jdbi jdbi = database.jdbi();
    private final JdbiUsageLedger ledger = new JdbiUsageLedger(jdbi);

    abstract TestDatabase database();

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void addsEachDaysUsageToItsDayAndItsMonthAcrossBatches() {
        ledger.add(Map.of(new KeyDay("alice", LAST_OF_NOVEMBER), new UsageTotals(1, 10, 100),
                new KeyDay("alice", FIRST_OF_DECEMBER), new UsageTotals(2, 20, 200),
                new KeyDay("bob", FIRST_OF_DECEMBER), new UsageTotals(1, 5, 5)));
        ledger.add(Map.of(new KeyDay("alice", FIRST_OF_DECEMBER), new UsageTotals(1, 1, 1)));

        assertThat(ledger.totals("alice", BudgetPeriod.DAY, FIRST_OF_DECEMBER)).isEqualTo(new UsageTotals(3, 21, 201));
        assertThat(ledger.totals("alice", BudgetPeriod.MONTH, FIRST_OF_DECEMBER)).isEqualTo(new UsageTotals(3, 21, 201));
        assertThat(ledger.totals("alice", BudgetPeriod.MONTH, LocalDate.parse("2026-11-01")))
                .isEqualTo(new UsageTotals(1, 10, 100));
        assertThat(ledger.totals("carol", BudgetPeriod.MONTH, FIRST_OF_DECEMBER)).isEqualTo(UsageTotals.ZERO);
        assertThat(ledger.daily(LAST_OF_NOVEMBER, Optional.empty())).containsExactly(
                new DailyUsage("alice", LAST_OF_NOVEMBER, new UsageTotals(1, 10, 100)),
                new DailyUsage("alice", FIRST_OF_DECEMBER, new UsageTotals(3, 21, 201)),
                new DailyUsage("bob", FIRST_OF_DECEMBER, new UsageTotals(1, 5, 5)));
        assertThat(ledger.daily(FIRST_OF_DECEMBER, Optional.of("alice"))).extracting(DailyUsage::day)
                .containsExactly(FIRST_OF_DECEMBER);
    }

    @Test
    void instancesAddingAtOnceToTheSameNewRowsLoseNothing() throws Exception {
        // Two ledgers over separate connection pools stand for two gateway instances.
        List<JdbiUsageLedger> instances = List.of(new JdbiUsageLedger(database.jdbi()),
                new JdbiUsageLedger(database.jdbi()));
        LocalDate day = LocalDate.parse("2026-10-15");
        List<Callable<Void>> flushes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            JdbiUsageLedger instance = instances.get(i % 2);
            flushes.add(() -> {
                instance.add(Map.of(new KeyDay("shared", day), new UsageTotals(1, 3, 7),
                        new KeyDay("other", day), new UsageTotals(1, 1, 1)));
                return null;
            });
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (var flush : pool.invokeAll(flushes)) {
                flush.get();
            }
        }

        assertThat(ledger.totals("shared", BudgetPeriod.DAY, day)).isEqualTo(new UsageTotals(40, 120, 280));
        assertThat(ledger.totals("shared", BudgetPeriod.MONTH, day.withDayOfMonth(1)))
                .isEqualTo(new UsageTotals(40, 120, 280));
        assertThat(ledger.totals("other", BudgetPeriod.MONTH, day.withDayOfMonth(1)).requests()).isEqualTo(40);
    }
}
