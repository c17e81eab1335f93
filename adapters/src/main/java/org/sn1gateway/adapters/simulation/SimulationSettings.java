package org.sn1gateway.adapters.simulation;

import java.util.List;

/**
 * How to build a simulated subnet.
 *
 * @param miners     number of miner axons (a validator's axon is added on top)
 * @param seed       decides every miner's behaviour, keys, incentive and stake
 * @param behaviours when not empty, the behaviours of uids 0, 1, 2, ... in order; the seed decides the rest
 * @param timeScale  multiplies every simulated delay (1 is realistic; tests use less)
 */
public record SimulationSettings(int miners, long seed, List<MinerBehaviour> behaviours, double timeScale) {
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
    }
}
