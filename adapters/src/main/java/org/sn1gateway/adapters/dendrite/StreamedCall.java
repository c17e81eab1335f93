package org.sn1gateway.adapters.dendrite;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.Scheduler;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * One streamed HTTP exchange with a miner, turning the Jetty client's callbacks into the listener's: text
 * as it arrives, then exactly one end or failure, and nothing at all once cancelled. Jetty calls one
 * exchange's callbacks one at a time, and the body's bytes are only valid during {@link #onContent}, so
 * every decoder copies what it keeps.
 */
final class StreamedCall implements MinerCall, Response.Listener {
    private final MinerAnswerListener listener;
    private final Supplier<AnswerDecoder> decoders;
    private final Supplier<AnswerDecoder> wholeAnswers;
    private final long maxAnswerBytes;
    private final ResponseCheck check;
    private final Runnable whenOver;
    /** How much longer than the chat's timeout a miner may stay silent before Jetty closes its connection. */
    private static final Duration QUIET_MARGIN = Duration.ofSeconds(10);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Request exchange;
    private volatile Scheduler.Task headersDeadline;
    /** Set once the headers are in: what reads the body. Only touched on the exchange's callbacks. */
    private BodyReader body;

    StreamedCall(MinerAnswerListener listener, Supplier<AnswerDecoder> decoders, long maxAnswerBytes) {
        this(listener, decoders, null, maxAnswerBytes, response -> Optional.empty(), () -> { });
    }

    /**
     * {@code check} may refuse a success before its body is read; {@code whenOver} runs once, when the call
     * ends, fails or is cancelled.
     */
    StreamedCall(MinerAnswerListener listener, Supplier<AnswerDecoder> decoders, long maxAnswerBytes,
                 ResponseCheck check, Runnable whenOver) {
        this(listener, decoders, null, maxAnswerBytes, check, whenOver);
    }

    /** As above; {@code wholeAnswers}, when not null, reads an {@code application/json} success as one answer. */
    StreamedCall(MinerAnswerListener listener, Supplier<AnswerDecoder> decoders, Supplier<AnswerDecoder> wholeAnswers,
                 long maxAnswerBytes, ResponseCheck check, Runnable whenOver) {
        this.listener = listener;
        this.decoders = decoders;
        this.wholeAnswers = wholeAnswers;
        this.maxAnswerBytes = maxAnswerBytes;
        this.check = check;
        this.whenOver = whenOver;
    }

    /** A protocol's own test of a success response's headers. */
    @FunctionalInterface
    interface ResponseCheck {
        /** Why the response is no answer, or empty to read it. */
        Optional<MinerFailure> refusal(Response response);
    }

    /**
     * Sends the request, which fails with {@code headers_timeout} unless its response headers arrive within
     * {@code headersTimeout}; after them, the chat's own deadline decides how long the answer may take.
     */
    void send(Request request, Scheduler scheduler, Duration headersTimeout) {
        exchange = request;
        if (ended.get()) {
            return;
        }
        headersDeadline = scheduler.schedule(
                () -> request.abort(new NoHeadersInTime()), headersTimeout.toMillis(), TimeUnit.MILLISECONDS);
        // The client's idle timeout is for pooled connections; a quiet miner is the chat's deadline's business.
        request.idleTimeout(headersTimeout.plus(QUIET_MARGIN).toMillis(), TimeUnit.MILLISECONDS).send(this);
        if (ended.get()) {
            cancel();
        }
    }

    @Override
    public void onHeaders(Response response) {
        stopHeadersDeadline();
        body = readerFor(response);
    }

    private BodyReader readerFor(Response response) {
        if (response.getStatus() / 100 != 2) {
            return new ErrorBody(new ErrorReason(response.getStatus()));
        }
        String type = Optional.ofNullable(response.getHeaders().get(HttpHeader.CONTENT_TYPE)).orElse("");
        Supplier<AnswerDecoder> reader = decoders;
        if (wholeAnswers != null && isJson(type)) {
            reader = wholeAnswers;
        } else if (!isStream(type)) {
            // A success that carries an error page or a JSON error is no answer, whatever its text.
            String received = "HTTP " + response.getStatus() + " with " + type.replaceAll("\\p{Cntrl}", " ");
            return new ErrorBody(new ErrorReason(MinerFailure.Kind.BROKEN_STREAM, "not_a_stream",
                    received + " instead of a stream", received));
        }
        Optional<MinerFailure> refusal = check.refusal(response);
        if (refusal.isPresent()) {
            // Not one byte of a refused answer is read: it may be endless, and it is nobody's answer.
            fail(refusal.get());
            return BodyReader.IGNORED;
        }
        return new AnswerBody(reader.get());
    }

    /**
     * Axons stream as {@code text/event-stream} (raw text in the synapse protocol, SSE in Epistula); plain
     * text and an absent type are taken too, as some miners' frameworks send them.
     */
    private static boolean isStream(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.isEmpty() || type.startsWith("text/event-stream") || type.startsWith("text/plain");
    }

    private static boolean isJson(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        if (body != null && !ended.get()) {
            body.read(content);
        }
    }

    @Override
    public void onComplete(Result result) {
        stopHeadersDeadline();
        if (result.isFailed()) {
            HttpFailures.classify(result.getFailure()).ifPresent(this::over);
        } else if (body != null) {
            body.finish();
        }
    }

    @Override
    public void cancel() {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
        }
        stopHeadersDeadline();
        Request sent = exchange;
        if (sent != null) {
            sent.abort(new CancellationException());
        }
    }

    private void stopHeadersDeadline() {
        Scheduler.Task deadline = headersDeadline;
        if (deadline != null) {
            deadline.cancel();
        }
    }

    private void text(String text) {
        if (!text.isEmpty() && !ended.get()) {
            listener.onText(text);
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
            listener.onEnd();
        }
    }

    /** A failure that leaves bytes unread: the exchange is aborted, which also keeps its connection out of the pool. */
    private void fail(MinerFailure failure) {
        over(failure);
        cancel();
    }

    /**
     * A failure whose response is over (a refusal's body was read): nothing to abort, and its connection
     * goes back to the pool, where the next call, such as a nonce-race retry, may use it.
     */
    private void over(MinerFailure failure) {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
            listener.onFailure(failure);
        }
    }

    /** Whatever reads the body of one kind of response. */
    private interface BodyReader {
        BodyReader IGNORED = new BodyReader() {
            @Override
            public void read(ByteBuffer content) {
            }

            @Override
            public void finish() {
            }
        };

        void read(ByteBuffer content);

        void finish();
    }

    /** A success's body, read piece by piece as the miner sends it, within the size cap. */
    private final class AnswerBody implements BodyReader {
        private final AnswerDecoder decoder;
        private long received;

        AnswerBody(AnswerDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void read(ByteBuffer content) {
            received += content.remaining();
            if (received > maxAnswerBytes) {
                fail(new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, "answer_too_large", maxAnswerBytes + " bytes",
                        "the answer exceeded the limit of " + maxAnswerBytes + " bytes"));
                return;
            }
            try {
                text(decoder.decode(content));
            } catch (MalformedAnswerException e) {
                fail(new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, e.reason()));
            }
        }

        @Override
        public void finish() {
            try {
                text(decoder.finish());
                end();
            } catch (MalformedAnswerException e) {
                over(new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, e.reason()));
            }
        }
    }

    /** The start of a body that is no answer, read only to say why, and no further than {@link ErrorReason#MAX_BYTES}. */
    private final class ErrorBody implements BodyReader {
        private final ErrorReason reason;

        ErrorBody(ErrorReason reason) {
            this.reason = reason;
        }

        @Override
        public void read(ByteBuffer content) {
            if (reason.add(content)) {
                fail(reason.failure());
            }
        }

        @Override
        public void finish() {
            over(reason.failure());
        }
    }

    /** Our own limit on the wait for response headers; Jetty's request timeout would cover the whole answer. */
    static final class NoHeadersInTime extends TimeoutException {
        NoHeadersInTime() {
            super("no response headers in time");
        }
    }
}
