package org.sn1gateway.adapters.dendrite;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.sn1gateway.domain.port.MinerFailure;

/** Reads a successful response body piece by piece, as the miner sends it, within a size cap. */
final class AnswerSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final AnswerDecoder decoder;
    private final long maxBytes;
    private final StreamedCall call;
    private volatile Flow.Subscription subscription;
    private long received;

    AnswerSubscriber(AnswerDecoder decoder, long maxBytes, StreamedCall call) {
        this.decoder = decoder;
        this.maxBytes = maxBytes;
        this.call = call;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > maxBytes) {
                    call.fail(new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, "answer_too_large", maxBytes + " bytes",
                            "the answer exceeded the limit of " + maxBytes + " bytes"));
                    return;
                }
                call.text(decoder.decode(buffer));
            }
        } catch (MalformedAnswerException e) {
            call.fail(malformed(e));
        }
    }

    @Override
    public void onError(Throwable error) {
        HttpFailures.classify(error).ifPresent(call::fail);
    }

    @Override
    public void onComplete() {
        try {
            call.text(decoder.finish());
            call.end();
        } catch (MalformedAnswerException e) {
            call.fail(malformed(e));
        }
    }

    private static MinerFailure malformed(MalformedAnswerException e) {
        return new MinerFailure(MinerFailure.Kind.BROKEN_STREAM, e.reason());
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
