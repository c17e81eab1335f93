package org.sn1gateway.adapters.wallet;

/** A hotkey cannot be loaded; the message is one line, names the file and never contains secret material. */
public final class WalletException extends RuntimeException {
    public WalletException(String message) {
        super(message);
    }
}
