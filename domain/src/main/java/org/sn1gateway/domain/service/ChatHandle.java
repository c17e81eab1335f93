package org.sn1gateway.domain.service;

import java.util.UUID;

/** A query in progress, as its client holds it. */
public interface ChatHandle {
    UUID queryId();

    /**
     * The client went away: if its answer is not complete, every miner call is cancelled and the query is
     * logged as {@code client_disconnected}; after a complete answer this changes nothing. Idempotent.
     */
    void clientGone();
}
