package org.sn1gateway.adapters.crypto;

/** An SS58 address that cannot be used; the message says why. */
public final class InvalidAddressException extends IllegalArgumentException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
