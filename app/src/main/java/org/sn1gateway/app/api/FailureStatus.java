package org.sn1gateway.app.api;

import org.sn1gateway.domain.model.QueryOutcome;

/** The HTTP status of a query that could not deliver an answer, when the status is still free to choose. */
public final class FailureStatus {
    private FailureStatus() {
    }

    /** 503 when no miner was available, 504 when time ran out, 502 when miners failed or answered uselessly. */
    public static int of(QueryOutcome outcome) {
        return switch (outcome) {
            case NO_MINER_AVAILABLE -> 503;
            case ALL_TIMED_OUT, SELECTED_TIMED_OUT -> 504;
            default -> 502;
        };
    }
}
