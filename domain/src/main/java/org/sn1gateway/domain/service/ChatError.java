package org.sn1gateway.domain.service;

import java.util.Objects;
import org.sn1gateway.domain.model.QueryOutcome;

/** Why a query could not deliver a (complete) answer; {@code message} is written for the client. */
public record ChatError(QueryOutcome outcome, String message) {
    public ChatError {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (outcome == QueryOutcome.DELIVERED) {
            throw new IllegalArgumentException("a delivered query is not an error");
        }
    }
}
