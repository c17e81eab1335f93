package org.sn1gateway.adapters.dendrite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
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
        if (cause instanceof SocketTimeoutException) {
            // Jetty's connect timeout; reads and writes time out as TimeoutException.
            return Optional.of(new MinerFailure(Kind.CONNECT, "connect_timeout", null, "connect timed out"));
        }
        if (cause instanceof StreamedCall.NoHeadersInTime) {
            return Optional.of(new MinerFailure(Kind.TIMEOUT, "headers_timeout", null, "no response headers in time"));
        }
        if (cause instanceof SSLException) {
            // An upstream whose certificate or host name does not check out gets nothing, its key included.
            return Optional.of(failure(Kind.CONNECT, "tls_failed", "TLS failed", cause));
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause instanceof UnknownHostException) {
            return Optional.of(failure(Kind.CONNECT, "connect_failed", "connection failed", cause));
        }
        if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof HttpException
                || cause instanceof HttpResponseException) {
            // Also what the client's parser refuses, such as headers over its cap.
            return Optional.of(failure(Kind.BROKEN_STREAM, "broken_off", "the response broke off", cause));
        }
        return Optional.of(failure(Kind.BROKEN_STREAM, "call_failed", "the call failed", cause));
    }

    private static MinerFailure failure(Kind kind, String code, String what, Throwable cause) {
        String detail = describe(cause);
        return new MinerFailure(kind, code, detail, what + ": " + detail);
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
        if (cause instanceof HttpResponseException && cause.getCause() instanceof HttpException violation) {
            // What the parser refused, rather than Jetty's message, which dumps the whole connection.
            return violation.getReason();
        }
        if (cause instanceof HttpException violation) {
            return violation.getReason();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
