package org.sn1gateway.adapters.dendrite;

import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerPrompt;

/** The client side of one miner protocol; same contract as {@code MinerNetwork.ask}. */
public interface Dendrite {
    MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener);
}
