package org.sn1gateway.domain.service;

import org.sn1gateway.domain.model.ChatUsage;

/**
 * Receives a query's answer for its client. Calls never overlap and arrive in order:
 * {@code onChunk}* (with {@code onMiner} among them) then optionally {@code onError}, then
 * {@code onUsage} and {@code onDone} exactly once each; a client that left gets {@code onUsage} alone.
 * They come from network threads while the query holds its lock, so they must not block:
 * hand the event to the client's own writer.
 */
public interface ChatListener {
    void onChunk(DeliveredChunk chunk);

    void onError(ChatError error);

    void onDone(ChatSummary summary);

    /**
     * Whether this client sees nothing of the answer before {@link #onDone} (it reads the summary): then no
     * text has reached it while the query runs, and a selected miner that fails can still be replaced.
     */
    default boolean waitsForTheWholeAnswer() {
        return false;
    }

    /** Whether this client wants {@link #onMiner}: the events are only built for those that do. */
    default boolean traces() {
        return false;
    }

    /** A miner was asked, sent its first chunk, or ended; only for clients that trace. */
    default void onMiner(MinerEvent event) {
    }

    /**
     * What the chat cost the client, once, when the client's part of it ends however it ended: before
     * {@link #onDone} (whose summary carries the same), or alone when the client left. Metering hangs here,
     * so that a client that disconnects mid-answer still pays for what was delivered.
     */
    default void onUsage(ChatUsage usage) {
    }
}
