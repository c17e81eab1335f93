package org.sn1gateway.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.TokenBudget;

/** API keys in the {@code api_key} table of migrations/003 (budgets and expiry: 009). */
public final class JdbiApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, name, requests_per_minute, created_at, revoked_at, requests, "
            + "last_used_at, token_budget, budget_period, expires_at";

    private final Jdbi jdbi;

    public JdbiApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(ApiKey key, String secretHash) {
        Transactions.inTransaction(jdbi, handle -> handle.createUpdate("""
                        INSERT INTO api_key (id, name, secret_hash, requests_per_minute, created_at, requests,
                                             token_budget, budget_period, expires_at)
                        VALUES (:id, :name, :hash, :limit, :created, 0, :budget, :period, :expires)""")
                .bind("id", key.id()).bind("name", key.name()).bind("hash", secretHash)
                .bind("limit", key.requestsPerMinute()).bind("created", utc(key.createdAt()))
                .bind("budget", key.tokenBudget().map(TokenBudget::tokens).orElse(null))
                .bind("period", key.tokenBudget().map(budget -> budget.period().wireName()).orElse(null))
                .bind("expires", key.expiry().map(JdbiApiKeyStore::utc).orElse(null)).execute());
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key WHERE id = :id")
                .bind("id", id).map((row, context) -> key(row)).findOne());
    }

    @Override
    public boolean update(ApiKey key) {
        return Transactions.inTransaction(jdbi, handle -> handle.createUpdate("""
                        UPDATE api_key SET name = :name, requests_per_minute = :limit, token_budget = :budget,
                                           budget_period = :period, expires_at = :expires
                        WHERE id = :id AND revoked_at IS NULL""")
                .bind("id", key.id()).bind("name", key.name()).bind("limit", key.requestsPerMinute())
                .bind("budget", key.tokenBudget().map(TokenBudget::tokens).orElse(null))
                .bind("period", key.tokenBudget().map(budget -> budget.period().wireName()).orElse(null))
                .bind("expires", key.expiry().map(JdbiApiKeyStore::utc).orElse(null)).execute()) == 1;
    }

    @Override
    public Optional<ApiKey> findActive(String secretHash) {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key WHERE secret_hash = :hash AND revoked_at IS NULL")
                .bind("hash", secretHash).map((row, context) -> key(row)).findOne());
    }

    @Override
    public List<ApiKey> list() {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id")
                .map((row, context) -> key(row)).list());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return Transactions.inTransaction(jdbi, handle -> handle.createUpdate(
                        "UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id).bind("at", utc(at)).execute()) == 1;
    }

    @Override
    public boolean anyActive() {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery(
                "SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL").mapTo(Long.class).one()) > 0;
    }

    @Override
    public void addUsage(Map<String, Long> requestsByKeyId, Instant lastUsedAt) {
        if (requestsByKeyId.isEmpty()) {
            return;
        }
        Transactions.inTransaction(jdbi, handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    UPDATE api_key SET requests = requests + :count,
                           last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < :at THEN :at
                                               ELSE last_used_at END
                    WHERE id = :id""");
            requestsByKeyId.forEach((id, count) ->
                    batch.bind("id", id).bind("count", count).bind("at", utc(lastUsedAt)).add());
            return batch.execute();
        });
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        int limit = row.getInt("requests_per_minute");
        Integer requestsPerMinute = row.wasNull() ? null : limit;
        long tokens = row.getLong("token_budget");
        TokenBudget budget = row.wasNull() ? null
                : new TokenBudget(tokens, BudgetPeriod.fromWireName(row.getString("budget_period")));
        return new ApiKey(row.getString("id"), row.getString("name"), requestsPerMinute,
                instant(row, "created_at"), instant(row, "revoked_at"), row.getLong("requests"),
                instant(row, "last_used_at"), budget, instant(row, "expires_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
