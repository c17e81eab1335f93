package org.sn1gateway.domain.port;

import java.util.Objects;
import org.sn1gateway.domain.model.Reason;

/** Why a miner call ended without a complete answer. Its reason is safe to log and show. */
public record MinerFailure(Kind kind, Reason reason) {
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
        Objects.requireNonNull(reason, "reason");
    }

    public MinerFailure(Kind kind, String code, String detail, String message) {
        this(kind, new Reason(code, detail, message));
    }

    /** The reason as people read it. */
    public String message() {
        return reason.text();
    }
}
