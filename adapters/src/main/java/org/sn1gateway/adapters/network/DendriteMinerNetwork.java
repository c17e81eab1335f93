package org.sn1gateway.adapters.network;

import java.util.Objects;
import java.util.function.Supplier;
import org.sn1gateway.adapters.dendrite.Dendrite;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerPrompt;

/** Miners known from a metagraph source, reached through one dendrite. */
public final class DendriteMinerNetwork implements MinerNetwork {
    private final Supplier<Metagraph> metagraph;
    private final Dendrite dendrite;

    /** @param metagraph must answer at once (a snapshot kept up to date elsewhere) */
    public DendriteMinerNetwork(Supplier<Metagraph> metagraph, Dendrite dendrite) {
        this.metagraph = Objects.requireNonNull(metagraph, "metagraph");
        this.dendrite = Objects.requireNonNull(dendrite, "dendrite");
    }

    @Override
    public Metagraph metagraph() {
        return metagraph.get();
    }

    @Override
    public MinerCall ask(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        return dendrite.call(miner, prompt, listener);
    }
}
