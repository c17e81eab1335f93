package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerFailure.Kind;

class HttpFailuresTest {
    @Test
    void aConnectTimeoutIsAConnectFailureHoweverTheClientWrapsIt() {
        HttpTimeoutException wrapped = new HttpTimeoutException("request timed out");
        wrapped.initCause(new ConnectException("HTTP connect timed out"));

        assertThat(HttpFailures.classify(new CompletionException(wrapped)))
                .contains(new MinerFailure(Kind.CONNECT, "connect_timeout", null, "connect timed out"));
        assertThat(HttpFailures.classify(new HttpConnectTimeoutException("HTTP connect timed out")))
                .contains(new MinerFailure(Kind.CONNECT, "connect_timeout", null, "connect timed out"));
    }

    @Test
    void aRequestTimeoutAfterConnectingIsTheMinersSlowness() {
        assertThat(HttpFailures.classify(new CompletionException(new HttpTimeoutException("request timed out"))))
                .contains(new MinerFailure(Kind.TIMEOUT, "headers_timeout", null, "no response headers in time"));
    }

    @Test
    void ourOwnCancellationIsNoFailure() {
        assertThat(HttpFailures.classify(new CompletionException(new CancellationException()))).isEmpty();
    }

    @Test
    void otherIoErrorsAreABrokenStream() {
        assertThat(HttpFailures.classify(new IOException("connection reset")))
                .contains(new MinerFailure(Kind.BROKEN_STREAM, "broken_off", "connection reset",
                        "the response broke off: connection reset"));
    }
}
