package org.sn1gateway.adapters.dendrite;

import org.sn1gateway.domain.model.Reason;

/** A miner's response body breaks its protocol's format; the reason is safe to log. */
final class MalformedAnswerException extends RuntimeException {
    private final transient Reason reason;

    /** {@code what: detail}, logged with {@code code} and the detail. */
    MalformedAnswerException(String code, String what, String detail) {
        super(what + ": " + detail);
        this.reason = new Reason(code, detail, getMessage());
    }

    Reason reason() {
        return reason;
    }
}
