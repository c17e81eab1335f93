package org.sn1gateway.adapters.subtensor;

import java.math.BigInteger;
import java.util.List;

/**
 * A neuron as {@code NeuronInfoRuntimeApi_get_neurons_lite} returns it (bittensor.md §6.6), with the raw
 * values the chain holds: keys as 32-byte public keys, u16 ratios unscaled, stakes and emission in rao.
 */
public record NeuronInfoLite(byte[] hotkey, byte[] coldkey, int uid, int netuid, boolean active, AxonInfo axonInfo,
                             PrometheusInfo prometheusInfo, List<Stake> stake, int rank, BigInteger emission,
                             int incentive, int consensus, int trust, int validatorTrust, int dividends,
                             BigInteger lastUpdate, boolean validatorPermit, int pruningScore) {

    /** Where the neuron's axon serves; {@code ip} is the address as an unsigned integer. */
    public record AxonInfo(BigInteger block, long version, BigInteger ip, int port, int ipType, int protocol,
                           int placeholder1, int placeholder2) {
    }

    public record PrometheusInfo(BigInteger block, long version, BigInteger ip, int port, int ipType) {
    }

    /** Stake on the hotkey from one coldkey, in rao (alpha-rao since the dynamic-TAO runtime). */
    public record Stake(byte[] coldkey, BigInteger amount) {
    }
}
