package org.sn1gateway.adapters.simulation;

import java.util.List;

/**
 * How to build a simulated subnet.
 *
 * @param miners     number of miner axons (a validator's axon is added on top)
 * @param seed       decides every miner's behaviour, keys, incentive and stake
 * @param behaviours when not empty, the behaviours of uids 0, 1, 2, ... in order; the seed decides the rest
 * @param timeScale  multiplies every simulated delay (1 is realistic; tests use less)
 * @param firstPort  uid n listens on {@code firstPort + n}; 0 lets the system choose free ports
 */
public record SimulationSettings(int miners, long seed, List<MinerBehaviour> behaviours, double timeScale,
                                 int firstPort) {
    public SimulationSettings(int miners, long seed, List<MinerBehaviour> behaviours, double timeScale) {
        this(miners, seed, behaviours, timeScale, 0);
    }

    public SimulationSettings {
        if (miners < 1) {
            throw new IllegalArgumentException("a simulated subnet needs at least one miner");
        }
        behaviours = List.copyOf(behaviours);
        if (behaviours.size() > miners) {
            throw new IllegalArgumentException("more behaviours (" + behaviours.size() + ") than miners (" + miners + ")");
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive");
        }
        // The validator's axon takes the port after the last miner's.
        if (firstPort != 0 && (firstPort < 1 || firstPort + miners > 65_535)) {
            throw new IllegalArgumentException("ports " + firstPort + " to " + (firstPort + miners)
                    + " are not all valid TCP ports");
        }
    }
}
