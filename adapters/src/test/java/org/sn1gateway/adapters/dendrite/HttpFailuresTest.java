package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerFailure.Kind;

class HttpFailuresTest {
    @Test
    void aConnectTimeoutIsAConnectFailureHoweverItIsWrapped() {
        // What Jetty's selector reports when a connect does not complete in time.
        SocketTimeoutException timedOut = new SocketTimeoutException("Connect Timeout");

        assertThat(HttpFailures.classify(new CompletionException(timedOut)))
                .contains(new MinerFailure(Kind.CONNECT, "connect_timeout", null, "connect timed out"));
        assertThat(HttpFailures.classify(timedOut))
                .contains(new MinerFailure(Kind.CONNECT, "connect_timeout", null, "connect timed out"));
        assertThat(HttpFailures.classify(new ConnectException("Connection refused")))
                .contains(new MinerFailure(Kind.CONNECT, "connect_failed", "Connection refused",
                        "connection failed: Connection refused"));
    }

    @Test
    void aCertificateThatDoesNotCheckOutIsATlsFailure() {
        assertThat(HttpFailures.classify(new SSLHandshakeException("PKIX path building failed")))
                .contains(new MinerFailure(Kind.CONNECT, "tls_failed", "PKIX path building failed",
                        "TLS failed: PKIX path building failed"));
    }

    @Test
    void noHeadersInTimeIsTheMinersSlowness() {
        assertThat(HttpFailures.classify(new StreamedCall.NoHeadersInTime()))
                .contains(new MinerFailure(Kind.TIMEOUT, "headers_timeout", null, "no response headers in time"));
    }

    @Test
    void ourOwnCancellationIsNoFailure() {
        assertThat(HttpFailures.classify(new CompletionException(new CancellationException()))).isEmpty();
    }

    @Test
    void otherIoErrorsTimeoutsAndProtocolViolationsAreABrokenStream() {
        assertThat(HttpFailures.classify(new IOException("connection reset")))
                .contains(new MinerFailure(Kind.BROKEN_STREAM, "broken_off", "connection reset",
                        "the response broke off: connection reset"));
        assertThat(HttpFailures.classify(new TimeoutException("Idle timeout expired: 30000/30000 ms")))
                .map(failure -> failure.reason().code()).contains("broken_off");
        assertThat(HttpFailures.classify(new BadMessageException(431, "Header is too large")))
                .contains(new MinerFailure(Kind.BROKEN_STREAM, "broken_off", "Header is too large",
                        "the response broke off: Header is too large"));
        assertThat(HttpFailures.classify(new IllegalStateException("a bug")))
                .map(failure -> failure.reason().code()).contains("call_failed");
    }
}
