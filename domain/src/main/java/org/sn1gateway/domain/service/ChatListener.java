package org.sn1gateway.domain.service;

/**
 * Receives a query's answer for its client. Calls never overlap and arrive in order:
 * {@code onChunk}* (with {@code onMiner} among them) then optionally {@code onError}, then
 * {@code onDone} exactly once.
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
}
