package org.sn1gateway.adapters.dendrite;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * One streamed HTTP exchange with a miner, turning the JDK client's callbacks into the listener's:
 * text as it arrives, then exactly one end or failure, and nothing at all once cancelled.
 */
final class StreamedCall implements MinerCall {
    private final MinerAnswerListener listener;
    private final Supplier<AnswerDecoder> decoders;
    private final long maxAnswerBytes;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable whenOver;
    private final ResponseCheck check;
    private final Supplier<AnswerDecoder> wholeAnswers;
    private volatile CompletableFuture<?> exchange;
    private volatile AnswerSubscriber subscriber;

    StreamedCall(MinerAnswerListener listener, Supplier<AnswerDecoder> decoders, long maxAnswerBytes) {
        this(listener, decoders, maxAnswerBytes, response -> Optional.empty(), () -> { });
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
        this.wholeAnswers = wholeAnswers;
        this.listener = listener;
        this.decoders = decoders;
        this.maxAnswerBytes = maxAnswerBytes;
        this.check = check;
        this.whenOver = whenOver;
    }

    /** A protocol's own test of a success response's headers. */
    @FunctionalInterface
    interface ResponseCheck {
        /** Why the response is no answer, or empty to read it. */
        Optional<MinerFailure> refusal(ResponseInfo response);
    }

    /** The body handler for this call's response. */
    BodySubscriber<Void> subscriberFor(ResponseInfo response) {
        if (response.statusCode() / 100 != 2) {
            return new ErrorBodySubscriber(response.statusCode(), this::refused);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        Supplier<AnswerDecoder> reader = decoders;
        if (wholeAnswers != null && isJson(type)) {
            reader = wholeAnswers;
        } else if (!isStream(type)) {
            // A success that carries an error page or a JSON error is no answer, whatever its text.
            String received = "HTTP " + response.statusCode() + " with " + type.replaceAll("\\p{Cntrl}", " ");
            return new ErrorBodySubscriber(MinerFailure.Kind.BROKEN_STREAM, "not_a_stream",
                    received + " instead of a stream", received, this::refused);
        }
        Optional<MinerFailure> refusal = check.refusal(response);
        if (refusal.isPresent()) {
            // Not one byte of a refused answer is read: it may be endless, and it is nobody's answer.
            return new DroppedBody(() -> refused(refusal.get()));
        }
        AnswerSubscriber answer = new AnswerSubscriber(reader.get(), maxAnswerBytes, this);
        subscriber = answer;
        return BodySubscribers.fromSubscriber(answer);
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

    void attach(CompletableFuture<HttpResponse<Void>> sent) {
        exchange = sent;
        sent.whenComplete((response, error) -> {
            if (error != null) {
                HttpFailures.classify(error).ifPresent(this::fail);
            }
        });
        if (ended.get()) {
            sent.cancel(true);
        }
    }

    @Override
    public void cancel() {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
        }
        AnswerSubscriber answer = subscriber;
        if (answer != null) {
            answer.cancel();
        }
        CompletableFuture<?> sent = exchange;
        if (sent != null) {
            sent.cancel(true);
        }
    }

    void text(String text) {
        if (!text.isEmpty() && !ended.get()) {
            listener.onText(text);
        }
    }

    void end() {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
            listener.onEnd();
        }
    }

    void fail(MinerFailure failure) {
        refused(failure);
        cancel();
    }

    /**
     * A failure whose response is over (a refusal's body was read): nothing to cancel. Cancelling would
     * abort the exchange while the client hands its connection back to the pool, where the next call,
     * such as a nonce-race retry, may already be using it.
     */
    private void refused(MinerFailure failure) {
        if (ended.compareAndSet(false, true)) {
            whenOver.run();
            listener.onFailure(failure);
        }
    }

    /** Hangs up on a body at once, which also keeps the connection out of the pool. */
    private record DroppedBody(Runnable afterwards) implements BodySubscriber<Void> {
        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            afterwards.run();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }
    }
}
