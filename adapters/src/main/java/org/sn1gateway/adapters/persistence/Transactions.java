package org.sn1gateway.adapters.persistence;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Explicit transactions. Pools such as Dropwizard's hand out connections with autocommit off, and JDBI's
 * own {@code inTransaction} then joins a "transaction" that nobody ever commits; this begins and
 * commits (or rolls back) itself, whatever the connection's autocommit.
 */
final class Transactions {
    private Transactions() {
    }

    static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(handle -> {
            handle.begin();
            try {
                T result = work.withHandle(handle);
                handle.commit();
                return result;
            } catch (RuntimeException e) {
                handle.rollback();
                throw e;
            }
        });
    }
}
