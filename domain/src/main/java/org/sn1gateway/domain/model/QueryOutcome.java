package org.sn1gateway.domain.model;

import java.util.Locale;

/** How a query ended for its client. */
public enum QueryOutcome {
    DELIVERED,
    NO_MINER_AVAILABLE,
    ALL_FAILED,
    ALL_TIMED_OUT,
    ALL_FILTERED,
    SELECTED_FAILED,
    SELECTED_TIMED_OUT,
    CLIENT_DISCONNECTED,
    /** A probe's round ({@code MinerProbe}): no client asked, and nothing was delivered. */
    PROBED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
