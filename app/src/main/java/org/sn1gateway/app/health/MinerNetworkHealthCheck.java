package org.sn1gateway.app.health;

import com.codahale.metrics.health.HealthCheck;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** Some miner may be queried: at least one neuron passes the availability rules. */
public final class MinerNetworkHealthCheck extends HealthCheck {
    private final MinerNetwork network;
    private final AvailabilityRules rules;

    public MinerNetworkHealthCheck(MinerNetwork network, AvailabilityRules rules) {
        this.network = network;
        this.rules = rules;
    }

    @Override
    protected Result check() {
        Metagraph metagraph = network.metagraph();
        long available = metagraph.miners().stream().filter(rules::isAvailable).count();
        if (available == 0) {
            return Result.unhealthy("none of the %d neurons is available to query", metagraph.size());
        }
        return Result.healthy("%d of %d neurons available to query", available, metagraph.size());
    }
}
