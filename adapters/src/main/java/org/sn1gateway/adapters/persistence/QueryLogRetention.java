package org.sn1gateway.adapters.persistence;

import static org.sn1gateway.adapters.persistence.JdbiApiKeyStore.utc;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes queries older than the retention period, with their miner responses (the foreign key cascades),
 * in small batches of one transaction each: one huge delete would hold locks and bloat the transaction
 * log of a database the gateways are writing to at the same time.
 */
public final class QueryLogRetention {
    private final Jdbi jdbi;
    private final int batchSize;

    public QueryLogRetention(Jdbi jdbi, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.jdbi = jdbi;
        this.batchSize = batchSize;
    }

    /** Deletes every query started before {@code cutoff}; returns how many. */
    public long purgeBefore(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = Transactions.inTransaction(jdbi, handle -> handle.createUpdate("""
                            DELETE FROM chat_query WHERE id IN (
                                SELECT id FROM chat_query WHERE started_at < :cutoff ORDER BY started_at LIMIT :batch)""")
                    .bind("cutoff", utc(cutoff)).bind("batch", batchSize).execute());
            total += deleted;
        } while (deleted == batchSize && !Thread.currentThread().isInterrupted());
        return total;
    }
}
