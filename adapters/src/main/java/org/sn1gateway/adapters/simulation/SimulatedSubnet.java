package org.sn1gateway.adapters.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sn1gateway.adapters.dendrite.SynapseSigning;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;

/**
 * A local Subnet 1 for trying the gateway without a chain: real miner axons on loopback with scripted
 * behaviours, plus one validator (permit and large stake) that availability rules keep out of queries.
 */
public final class SimulatedSubnet implements AutoCloseable {
    public static final int NETUID = 1;
    /** Above Subnet 1's validator stake limit (4096 TAO), so the validator is never sampled. */
    static final double VALIDATOR_STAKE = 10_000;

    private final List<SimulatedAxon> axons;
    private final Metagraph metagraph;
    private final AxonCounters counters;
    private final Hotkey gateway;

    private SimulatedSubnet(List<SimulatedAxon> axons, Metagraph metagraph, AxonCounters counters, Hotkey gateway) {
        this.axons = axons;
        this.metagraph = metagraph;
        this.counters = counters;
        this.gateway = gateway;
    }

    /** Starts every axon; closes those already started if one fails. */
    public static SimulatedSubnet start(SimulationSettings settings) {
        Random random = new Random(settings.seed());
        AnswerComposer composer = AnswerComposer.withBundledCorpus();
        SimulatedIdentities identities = new SimulatedIdentities(settings.seed());
        List<SimulatedAxon> axons = new ArrayList<>();
        List<Miner> miners = new ArrayList<>();
        AxonCounters counters = new AxonCounters();
        try {
            List<Double> incentives = incentives(random, settings.miners());
            for (int uid = 0; uid <= settings.miners(); uid++) {
                boolean validator = uid == settings.miners();
                MinerBehaviour behaviour = validator ? MinerBehaviour.FAST
                        : uid < settings.behaviours().size() ? settings.behaviours().get(uid) : MinerBehaviour.draw(random);
                String hotkey = identities.hotkey(uid).hotkey();
                // An impersonator signs as its neighbour: a registered neuron, but not the one called.
                Hotkey signer = identities.hotkey(behaviour == MinerBehaviour.IMPERSONATOR ? uid + 1 : uid);
                SimulatedAxon axon = SimulatedAxon.start(uid, behaviour, composer, settings.seed(), settings.timeScale(),
                        counters, new SynapseVerifier(hotkey, SynapseSigning::verifies, InstantSource.system()),
                        new AxonStamp(signer), settings.firstPort() == 0 ? 0 : settings.firstPort() + uid);
                axons.add(axon);
                miners.add(new Miner(uid, hotkey, identities.coldkey(uid).hotkey(),
                        new AxonEndpoint("127.0.0.1", axon.port()), validator ? 0 : incentives.get(uid),
                        validator ? VALIDATOR_STAKE : 10 + random.nextInt(2_000), validator));
            }
        } catch (IOException e) {
            axons.forEach(SimulatedAxon::close);
            throw new UncheckedIOException("could not start the simulated subnet's axons: " + e.getMessage(), e);
        }
        return new SimulatedSubnet(axons, new Metagraph(NETUID, 0, Instant.now(), miners), counters,
                identities.gateway());
    }

    private static List<Double> incentives(Random random, int miners) {
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < miners; i++) {
            raw.add(random.nextDouble());
        }
        double total = raw.stream().mapToDouble(Double::doubleValue).sum();
        return raw.stream().map(value -> value / total).toList();
    }

    public Metagraph metagraph() {
        return metagraph;
    }

    /** Each uid's behaviour, the validator's included. */
    public Map<Integer, MinerBehaviour> behaviours() {
        Map<Integer, MinerBehaviour> behaviours = new LinkedHashMap<>();
        for (int uid = 0; uid < axons.size(); uid++) {
            behaviours.put(uid, axons.get(uid).behaviour());
        }
        return behaviours;
    }

    /** The validator hotkey the gateway must sign with: the axons verify every request. */
    public Hotkey gatewayHotkey() {
        return gateway;
    }

    /** Requests the axons have received, valid or not. */
    public long requestsReceived() {
        return counters.requests.get();
    }

    /** Answers the axons could not finish because the caller closed the connection. */
    public long streamsAbandonedByCaller() {
        return counters.abandoned.get();
    }

    @Override
    public void close() {
        axons.forEach(SimulatedAxon::close);
    }
}
