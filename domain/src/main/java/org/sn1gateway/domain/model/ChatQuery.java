package org.sn1gateway.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A client's chat as the domain sees it: the conversation, whom to ask, and how to choose an answer.
 *
 * @param timeout how long miners may take; after it every unfinished miner call is cut off
 */
public record ChatQuery(List<Message> messages, MinerSelection miners, Preference prefer, Duration timeout) {
    public ChatQuery {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat needs at least one message");
        }
        Objects.requireNonNull(miners, "miners");
        Objects.requireNonNull(prefer, "prefer");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }
}
