package org.sn1gateway.domain.model;

import java.util.Objects;

/**
 * A neuron of the subnet as far as querying it is concerned.
 *
 * @param incentive       normalised to 0..1
 * @param stake           in TAO
 * @param validatorPermit whether the chain lets it validate (such neurons with large stake are validators)
 */
public record Miner(int uid, String hotkey, String coldkey, AxonEndpoint axon, double incentive, double stake,
                    boolean validatorPermit) {
    public Miner {
        if (uid < 0) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
        Objects.requireNonNull(hotkey, "hotkey");
        Objects.requireNonNull(coldkey, "coldkey");
        Objects.requireNonNull(axon, "axon");
    }
}
