package org.sn1gateway.adapters.dendrite;

import java.util.function.Function;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * Sends a synapse call again, once, when the axon refused it for the nonce race of bittensor.md §1.7:
 * axons keep the last nonce per caller and refuse a smaller one, so of two concurrent calls to one miner
 * the one that arrives second may be refused although it was signed correctly. The refusal comes before
 * any text, so the new call, signed with a fresh nonce, is invisible to the listener.
 */
final class NonceRaceRetry implements MinerCall, MinerAnswerListener {
    private final Function<MinerAnswerListener, MinerCall> send;
    private final MinerAnswerListener listener;
    private volatile MinerCall current;
    private volatile boolean retried;
    private volatile boolean cancelled;

    private NonceRaceRetry(Function<MinerAnswerListener, MinerCall> send, MinerAnswerListener listener) {
        this.send = send;
        this.listener = listener;
    }

    /** Starts the call; {@code send} signs and sends a new request each time it is called. */
    static MinerCall start(Function<MinerAnswerListener, MinerCall> send, MinerAnswerListener listener) {
        NonceRaceRetry call = new NonceRaceRetry(send, listener);
        call.current = send.apply(call);
        return call;
    }

    static boolean isNonceRace(MinerFailure failure) {
        return failure.reason().code().equals("http_401") && failure.reason().detail() != null
                && failure.reason().detail().contains("Nonce is too");
    }

    @Override
    public void onText(String text) {
        listener.onText(text);
    }

    @Override
    public void onEnd() {
        listener.onEnd();
    }

    @Override
    public void onFailure(MinerFailure failure) {
        if (!retried && !cancelled && isNonceRace(failure)) {
            retried = true;
            current = send.apply(this);
            if (cancelled) {
                current.cancel();
            }
            return;
        }
        listener.onFailure(failure);
    }

    @Override
    public void cancel() {
        cancelled = true;
        current.cancel();
    }
}
