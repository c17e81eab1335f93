package org.sn1gateway.adapters.dendrite;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerFailure;

/** Collects one miner's answer; {@link #await} waits for its end or failure. */
public final class RecordingAnswer implements MinerAnswerListener {
    private final List<String> pieces = new CopyOnWriteArrayList<>();
    private final CompletableFuture<MinerFailure> ended = new CompletableFuture<>();

    /** A stand-in for "ended normally". */
    public static final MinerFailure NO_FAILURE = new MinerFailure(MinerFailure.Kind.REFUSED, "none", null, "none");

    @Override
    public void onText(String text) {
        if (ended.isDone()) {
            throw new AssertionError("text after the end: " + text);
        }
        pieces.add(text);
    }

    @Override
    public void onEnd() {
        if (!ended.complete(NO_FAILURE)) {
            throw new AssertionError("a second terminal callback");
        }
    }

    @Override
    public void onFailure(MinerFailure failure) {
        if (!ended.complete(failure)) {
            throw new AssertionError("a second terminal callback: " + failure);
        }
    }

    /** The failure, or {@link #NO_FAILURE} when the answer ended normally. */
    public MinerFailure await(Duration limit) throws Exception {
        return ended.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean hasEnded() {
        return ended.isDone();
    }

    public List<String> pieces() {
        return List.copyOf(pieces);
    }

    public String text() {
        return String.join("", pieces);
    }
}
