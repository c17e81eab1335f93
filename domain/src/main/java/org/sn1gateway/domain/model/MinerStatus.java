package org.sn1gateway.domain.model;

import java.util.Locale;

/** What became of one miner's answer to a query. */
public enum MinerStatus {
    /** Its answer was delivered to the client. */
    SELECTED,
    /** A usable answer that was not chosen. */
    OK,
    /** Nothing but whitespace. */
    EMPTY,
    /** Rejected by a cleaning rule (the reason names it). */
    FILTERED,
    /** No complete answer before the query's timeout. */
    TIMEOUT,
    /** The call failed: connection, HTTP status, broken stream. */
    ERROR,
    /** Still answering when the client's stream ended (prefer=first); the query log has its final status. */
    PENDING,
    /** Abandoned because the client went away. */
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
