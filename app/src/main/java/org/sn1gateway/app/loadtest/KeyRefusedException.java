package org.sn1gateway.app.loadtest;

/**
 * The server answered 401 or 403: every further chat would be refused the same way, so the run stops
 * rather than measure refusals.
 */
public final class KeyRefusedException extends RuntimeException {
    KeyRefusedException(int status, String serverMessage) {
        super("the server refused the API key (HTTP " + status + ")"
                + (serverMessage.isBlank() ? "" : ": " + serverMessage), null, false, false);
    }
}
