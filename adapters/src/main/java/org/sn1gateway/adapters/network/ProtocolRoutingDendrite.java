package org.sn1gateway.adapters.network;

import java.util.Map;
import org.sn1gateway.adapters.dendrite.Dendrite;
import org.sn1gateway.adapters.dendrite.Dendrites;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerPrompt;

/** Speaks to each miner in its own protocol, or in the network's default one. */
public final class ProtocolRoutingDendrite implements Dendrite {
    private final Dendrites dendrites;
    private final Map<Integer, MinerProtocol> protocolByUid;
    private final MinerProtocol fallback;

    public ProtocolRoutingDendrite(Dendrites dendrites, Map<Integer, MinerProtocol> protocolByUid,
                                   MinerProtocol fallback) {
        this.dendrites = dendrites;
        this.protocolByUid = Map.copyOf(protocolByUid);
        this.fallback = fallback;
    }

    @Override
    public MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        return dendrites.forProtocol(protocolByUid.getOrDefault(miner.uid(), fallback)).call(miner, prompt, listener);
    }
}
