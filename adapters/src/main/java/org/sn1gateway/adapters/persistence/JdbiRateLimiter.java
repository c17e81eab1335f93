package org.sn1gateway.adapters.persistence;

import static org.sn1gateway.adapters.persistence.JdbiApiKeyStore.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sn1gateway.domain.access.RateDecision;
import org.sn1gateway.domain.access.RateLimiter;
import org.sn1gateway.domain.access.SlidingWindow;

/**
 * Rate limits counted in the shared database ({@code api_key_window}), so every gateway instance on it
 * enforces one limit together. Taking a request is one conditional increment, which both H2 and
 * PostgreSQL apply atomically; the row of a new minute is inserted by whichever instance comes first.
 */
public final class JdbiRateLimiter implements RateLimiter {
    private static final Duration KEPT = SlidingWindow.LENGTH.multipliedBy(2);

    private final Jdbi jdbi;

    public JdbiRateLimiter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public RateDecision tryAcquire(String keyId, int requestsPerMinute, Instant now) {
        SlidingWindow window = new SlidingWindow(requestsPerMinute, now);
        long previous = count(keyId, window.previousStart()).orElse(0L);
        int cap = window.currentCap(previous);
        if (increment(keyId, window.currentStart(), cap) || insertFirst(keyId, window.currentStart(), cap)
                || increment(keyId, window.currentStart(), cap)) {
            return window.allowed(previous, count(keyId, window.currentStart()).orElse(1L));
        }
        return window.refused(previous, count(keyId, window.currentStart()).orElse(0L));
    }

    /** Deletes counters no window reads any more; returns how many. */
    public int purgeOlderThan(Instant now) {
        return Transactions.inTransaction(jdbi, handle -> handle.createUpdate(
                "DELETE FROM api_key_window WHERE window_start < :before")
                .bind("before", utc(now.minus(KEPT))).execute());
    }

    private Optional<Long> count(String keyId, Instant windowStart) {
        return Transactions.inTransaction(jdbi, handle -> handle.createQuery(
                        "SELECT requests FROM api_key_window WHERE key_id = :id AND window_start = :start")
                .bind("id", keyId).bind("start", utc(windowStart)).mapTo(Long.class).findOne());
    }

    private boolean increment(String keyId, Instant windowStart, int cap) {
        return Transactions.inTransaction(jdbi, handle -> handle.createUpdate("""
                        UPDATE api_key_window SET requests = requests + 1
                        WHERE key_id = :id AND window_start = :start AND requests < :cap""")
                .bind("id", keyId).bind("start", utc(windowStart)).bind("cap", cap).execute()) == 1;
    }

    /** False when the row already exists (another request or instance made it) or no request is allowed. */
    private boolean insertFirst(String keyId, Instant windowStart, int cap) {
        if (cap < 1) {
            return false;
        }
        try {
            Transactions.inTransaction(jdbi, handle -> handle.createUpdate(
                            "INSERT INTO api_key_window (key_id, window_start, requests) VALUES (:id, :start, 1)")
                    .bind("id", keyId).bind("start", utc(windowStart)).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
