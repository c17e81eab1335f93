package org.sn1gateway.domain.port;

import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;

/** The subnet's miners: who they are, and a way to ask one of them. */
public interface MinerNetwork {
    /** The latest metagraph; never null, never blocks (implementations sync in the background). */
    Metagraph metagraph();

    /**
     * Starts asking one miner and returns at once; the answer streams to {@code listener}.
     * Failures, including ones found before any I/O, are reported through the listener, never thrown.
     * The network applies its own connect and read limits; the caller enforces the query's deadline
     * by cancelling the returned call.
     */
    MinerCall ask(Miner miner, MinerPrompt prompt, MinerAnswerListener listener);
}
