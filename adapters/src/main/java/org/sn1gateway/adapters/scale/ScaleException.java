package org.sn1gateway.adapters.scale;

/** Bytes that are not the SCALE encoding they were read as; the message says where and why. */
public final class ScaleException extends RuntimeException {
    public ScaleException(String message) {
        super(message);
    }
}
