package org.sn1gateway.domain.port;

import java.util.Objects;

/** Why a miner call ended without a complete answer. {@code message} is safe to log and show. */
public record MinerFailure(Kind kind, String message) {
    public enum Kind {
        /** The connection could not be made. */
        CONNECT,
        /** The miner answered with a non-success HTTP status. */
        HTTP_STATUS,
        /** The answer stream broke off or was malformed. */
        BROKEN_STREAM,
        /** The network's own time limit ran out. */
        TIMEOUT,
        /** The gateway refused to call the miner (for example, a forbidden address). */
        REFUSED,
        /** The answer was signed by a key other than the miner's registered hotkey. */
        FORGED
    }

    public MinerFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
