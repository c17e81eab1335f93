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

    /** A miner was asked, sent its first chunk, or ended; only clients that trace need it. */
    default void onMiner(MinerEvent event) {
    }
}
