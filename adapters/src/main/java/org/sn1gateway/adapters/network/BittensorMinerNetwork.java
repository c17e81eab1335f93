package org.sn1gateway.adapters.network;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.sn1gateway.adapters.dendrite.Dendrites;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.subtensor.JsonRpcClient;
import org.sn1gateway.adapters.subtensor.SubtensorMetagraphSource;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * A Bittensor subnet: its metagraph from a subtensor node, kept in sync in the background, and its miners
 * reached by signed dendrite calls in one protocol, within an address policy. The one place that combines
 * subtensor and dendrite.
 */
public final class BittensorMinerNetwork implements MinerNetwork {
    private final SyncedMetagraph metagraph;
    private final GuardedDendrite dendrite;

    /**
     * @param rpc        the subtensor node's client
     * @param dendrites  the signed dendrites, one per protocol
     * @param policy     which axon addresses may be contacted
     */
    public BittensorMinerNetwork(JsonRpcClient rpc, int netuid, Duration resyncInterval, Dendrites dendrites,
                                 MinerProtocol protocol, AxonAddressPolicy policy, InstantSource clock) {
        this.metagraph = new SyncedMetagraph(new SubtensorMetagraphSource(rpc, netuid, clock), resyncInterval, netuid,
                clock);
        this.dendrite = new GuardedDendrite(new ProtocolRoutingDendrite(dendrites, Map.of(), protocol), policy);
    }

    /** Syncs now, then every resync interval on {@code scheduler}; a failure at start is logged, not thrown. */
    public BittensorMinerNetwork start(ScheduledExecutorService scheduler) {
        metagraph.start(scheduler);
        return this;
    }

    public SyncedMetagraph sync() {
        return metagraph;
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
