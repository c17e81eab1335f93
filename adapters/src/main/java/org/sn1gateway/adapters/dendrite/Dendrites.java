package org.sn1gateway.adapters.dendrite;

import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;

/** One dendrite per protocol, sharing the HTTP client and the signing hotkey. */
public final class Dendrites {
    private final Map<MinerProtocol, Dendrite> byProtocol = new EnumMap<>(MinerProtocol.class);

    public Dendrites(HttpClient http, RequestSigner signer, long maxAnswerBytes) {
        byProtocol.put(MinerProtocol.SYNAPSE,
                new SynapseDendrite(http, signer, NonceSource.systemClock(), maxAnswerBytes));
        byProtocol.put(MinerProtocol.EPISTULA,
                new EpistulaDendrite(http, signer, InstantSource.system(), maxAnswerBytes));
    }

    public Dendrite forProtocol(MinerProtocol protocol) {
        return byProtocol.get(protocol);
    }

    /** Asks each listed uid in its own protocol and every other miner in {@code otherwise}. */
    public Dendrite perMiner(Map<Integer, MinerProtocol> protocolByUid, MinerProtocol otherwise) {
        Map<Integer, MinerProtocol> protocols = Map.copyOf(protocolByUid);
        return (miner, prompt, listener) ->
                forProtocol(protocols.getOrDefault(miner.uid(), otherwise)).call(miner, prompt, listener);
    }
}
