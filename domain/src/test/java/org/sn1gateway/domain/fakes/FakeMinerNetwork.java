package org.sn1gateway.domain.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * A miner network the test drives by hand: every {@link #ask} opens a {@link FakeCall} through which the
 * test sends text, ends or fails the answer, in whatever order and interleaving it wants.
 */
public final class FakeMinerNetwork implements MinerNetwork {
    private final Metagraph metagraph;
    /** The latest call to each uid; a uid asked again (a second phase) replaces its entry. */
    private final Map<Integer, FakeCall> calls = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<FakeCall> history = new ArrayList<>();

    public FakeMinerNetwork(List<Miner> miners) {
        this.metagraph = new Metagraph(1, 100, Instant.EPOCH, miners);
    }

    @Override
    public Metagraph metagraph() {
        return metagraph;
    }

    @Override
    public MinerCall ask(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        FakeCall call = new FakeCall(miner, prompt, listener);
        calls.put(miner.uid(), call);
        synchronized (history) {
            history.add(call);
            history.notifyAll();
        }
        return call::cancel;
    }

    /** The call made to this uid; fails the test if none was made. */
    public FakeCall call(int uid) {
        FakeCall call = calls.get(uid);
        if (call == null) {
            throw new AssertionError("uid " + uid + " was not asked; asked: " + calls.keySet());
        }
        return call;
    }

    /** Waits for the {@code nth} call (1-based) of the run, for calls made from another thread. */
    public FakeCall awaitCall(int nth, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (history) {
            while (history.size() < nth) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + history.size() + " calls were made, expected " + nth);
                }
                history.wait(Math.max(1, left / 1_000_000));
            }
            return history.get(nth - 1);
        }
    }

    /** Every call made so far, a uid asked again counted again. */
    public int callCount() {
        synchronized (history) {
            return history.size();
        }
    }

    public List<Integer> askedUids() {
        synchronized (calls) {
            return new ArrayList<>(calls.keySet());
        }
    }

    /** One miner's call under the test's control. */
    public static final class FakeCall {
        private final Miner miner;
        private final MinerPrompt prompt;
        private final MinerAnswerListener listener;
        private volatile boolean cancelled;

        FakeCall(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
            this.miner = miner;
            this.prompt = prompt;
            this.listener = listener;
        }

        public FakeCall text(String... pieces) {
            for (String piece : pieces) {
                listener.onText(piece);
            }
            return this;
        }

        public void end() {
            listener.onEnd();
        }

        /** Reports the tokens the answer took, as an OpenAI-compatible server does before it ends. */
        public FakeCall usage(TokenUsage usage) {
            listener.onUsage(usage);
            return this;
        }

        /** Fails with the reason {@code message}, under a code named after its kind. */
        public void fail(MinerFailure.Kind kind, String message) {
            fail(new MinerFailure(kind, kind.name().toLowerCase(Locale.ROOT), null, message));
        }

        public void fail(MinerFailure failure) {
            listener.onFailure(failure);
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public Miner miner() {
            return miner;
        }

        public MinerPrompt prompt() {
            return prompt;
        }

        void cancel() {
            cancelled = true;
        }
    }
}
