package org.sn1gateway.adapters.dendrite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerFailure.Kind;

/** Names what went wrong with a miner call, in words fit for a log row. */
final class HttpFailures {
    private HttpFailures() {
    }

    /** The failure an exception means, or empty for our own cancellation. */
    static Optional<MinerFailure> classify(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException) {
            return Optional.empty();
        }
        if (cause instanceof HttpConnectTimeoutException
                || (cause instanceof HttpTimeoutException && cause.getCause() instanceof ConnectException)) {
            // Under load the JDK may report a connect that timed out as "request timed out", with the
            // connect failure as its cause: it is still the connect that failed, not the miner being slow.
            return Optional.of(new MinerFailure(Kind.CONNECT, "connect timed out"));
        }
        if (cause instanceof HttpTimeoutException) {
            return Optional.of(new MinerFailure(Kind.TIMEOUT, "no response headers in time"));
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException) {
            return Optional.of(new MinerFailure(Kind.CONNECT, "connection failed: " + describe(cause)));
        }
        if (cause instanceof IOException) {
            return Optional.of(new MinerFailure(Kind.BROKEN_STREAM, "the response broke off: " + describe(cause)));
        }
        return Optional.of(new MinerFailure(Kind.BROKEN_STREAM, "the call failed: " + describe(cause)));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
