package org.sn1gateway.adapters.dendrite;

/** A miner's response body breaks its protocol's format; the message is safe to log. */
final class MalformedAnswerException extends RuntimeException {
    MalformedAnswerException(String message) {
        super(message);
    }
}
