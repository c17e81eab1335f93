package org.sn1gateway.domain.port;

/** A miner call under way. */
@FunctionalInterface
public interface MinerCall {
    /**
     * Abandons the call and releases its connection. Idempotent and safe from any thread; after it
     * returns the listener may still see at most callbacks already in flight, which callers must ignore.
     */
    void cancel();
}
