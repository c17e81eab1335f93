package org.sn1gateway.adapters.persistence;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.DailyUsage;
import org.sn1gateway.domain.access.KeyDay;
import org.sn1gateway.domain.access.UsageLedger;
import org.sn1gateway.domain.access.UsageTotals;

/**
 * Per-key totals in {@code key_usage} (migrations/008), one row per key, period and period start. Adding is an
 * upsert that adds: an {@code UPDATE ... SET n = n + :n} of the rows that exist, then an {@code INSERT} of those
 * that do not, in one transaction, in the same SQL on H2 and PostgreSQL. Rows are touched in one order, so two
 * instances never wait on each other's locks in a cycle; when another instance inserted the same new row first
 * (a unique violation), or the database still chose this transaction as a deadlock's victim, the whole
 * transaction is rolled back and done again, and then finds the row to add to.
 */
public final class JdbiUsageLedger implements UsageLedger {
    private static final int ATTEMPTS = 5;
    private static final Comparator<Row> ORDER = Comparator.comparing(Row::keyId).thenComparing(Row::period)
            .thenComparing(Row::start);

    private final Jdbi jdbi;

    public JdbiUsageLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One row to add to, and what to add. */
    private record Row(String keyId, String period, LocalDate start, UsageTotals add) {
    }

    @Override
    public void add(Map<KeyDay, UsageTotals> usage) {
        List<Row> rows = rows(usage);
        if (rows.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Transactions.inTransaction(jdbi, handle -> addAll(handle, rows));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** Each day's usage goes to its day's row and its month's; days of one month in one batch add up first. */
    private static List<Row> rows(Map<KeyDay, UsageTotals> usage) {
        Map<Row, UsageTotals> merged = new TreeMap<>(ORDER);
        usage.forEach((keyDay, totals) -> {
            for (BudgetPeriod period : BudgetPeriod.values()) {
                Row row = new Row(keyDay.keyId(), period.wireName(), period.startOf(keyDay.day()), UsageTotals.ZERO);
                merged.merge(row, totals, UsageTotals::plus);
            }
        });
        List<Row> rows = new ArrayList<>();
        merged.forEach((row, totals) -> rows.add(new Row(row.keyId(), row.period(), row.start(), totals)));
        return rows;
    }

    private static Void addAll(Handle handle, List<Row> rows) {
        PreparedBatch updates = handle.prepareBatch("""
                UPDATE key_usage SET requests = requests + :requests, prompt_tokens = prompt_tokens + :prompt,
                                     completion_tokens = completion_tokens + :completion
                WHERE key_id = :key AND period = :period AND period_start = :start""");
        rows.forEach(row -> bind(updates, row));
        int[] updated = updates.execute();
        List<Row> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            PreparedBatch inserts = handle.prepareBatch("""
                    INSERT INTO key_usage (key_id, period, period_start, requests, prompt_tokens, completion_tokens)
                    VALUES (:key, :period, :start, :requests, :prompt, :completion)""");
            missing.forEach(row -> bind(inserts, row));
            inserts.execute();
        }
        return null;
    }

    private static void bind(PreparedBatch batch, Row row) {
        batch.bind("key", row.keyId()).bind("period", row.period()).bind("start", row.start())
                .bind("requests", row.add().requests()).bind("prompt", row.add().promptTokens())
                .bind("completion", row.add().completionTokens()).add();
    }

    @Override
    public UsageTotals totals(String keyId, BudgetPeriod period, LocalDate start) {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery("""
                        SELECT requests, prompt_tokens, completion_tokens FROM key_usage
                        WHERE key_id = :key AND period = :period AND period_start = :start""")
                .bind("key", keyId).bind("period", period.wireName()).bind("start", start)
                .map((row, context) -> new UsageTotals(row.getLong("requests"), row.getLong("prompt_tokens"),
                        row.getLong("completion_tokens")))
                .findOne().orElse(UsageTotals.ZERO));
    }

    @Override
    public List<DailyUsage> daily(LocalDate since, Optional<String> keyId) {
        return Transactions.inTransaction(jdbi, handle -> {
            Query query = handle.createQuery("""
                            SELECT key_id, period_start, requests, prompt_tokens, completion_tokens FROM key_usage
                            WHERE period = 'day' AND period_start >= :since"""
                            + (keyId.isPresent() ? " AND key_id = :key" : "") + " ORDER BY key_id, period_start")
                    .bind("since", since);
            keyId.ifPresent(key -> query.bind("key", key));
            return query.map((row, context) -> new DailyUsage(row.getString("key_id"),
                    row.getObject("period_start", LocalDate.class), new UsageTotals(row.getLong("requests"),
                    row.getLong("prompt_tokens"), row.getLong("completion_tokens")))).list();
        });
    }

    /** Another instance inserted the same new row first (23505), or a deadlock (40P01) or serialization (40001) victim. */
    private static boolean isRace(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && List.of("23505", "40P01", "40001").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
