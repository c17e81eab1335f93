package org.sn1gateway.adapters.subtensor;

/** A subtensor call failed: which endpoint, which method, what happened; fit for logs and health checks. */
public final class SubtensorException extends RuntimeException {
    public SubtensorException(String message) {
        super(message);
    }
}
