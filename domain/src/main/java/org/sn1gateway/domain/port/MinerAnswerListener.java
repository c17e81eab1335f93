package org.sn1gateway.domain.port;

import org.sn1gateway.domain.model.TokenUsage;

/**
 * Receives one miner's streamed answer. Calls for one miner never overlap and arrive in order:
 * {@code onText}* then exactly one of {@code onEnd} or {@code onFailure}. They come from the network's
 * threads and must return quickly.
 */
public interface MinerAnswerListener {
    /** A piece of the answer as decoded text (never empty, never a split UTF-8 sequence). */
    void onText(String text);

    /** The tokens the answer took, when its server counts them; before {@code onEnd}, at most once. */
    default void onUsage(TokenUsage usage) {
    }

    /** The miner finished its answer normally. */
    void onEnd();

    /** The call ended without a complete answer; text already delivered stays valid. */
    void onFailure(MinerFailure failure);
}
