package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.Objects;

/**
 * A piece of the delivered answer.
 *
 * @param sequence   1, 2, 3, ... within the query
 * @param receivedAt when the gateway received it from the miner, from the start of the query
 * @param last       true only for the final chunk, whose delta is empty: the gateway never holds a
 *                   chunk back to learn whether it is the last
 */
public record DeliveredChunk(int sequence, String delta, Duration receivedAt, int uid, boolean last) {
    public DeliveredChunk {
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
