package org.sn1gateway.app.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.Map;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.QueryOutcome;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/**
 * Some miner may be queried (at least one neuron passes the availability rules) and the miners answer:
 * when every one of the last several queries went without an answer, the subnet has collapsed for this
 * gateway (or its network path has), and the check says how those queries ended.
 */
public final class MinerNetworkHealthCheck extends HealthCheck {
    /** Fewer unanswered queries than this in a row may be bad luck with k=1. */
    public static final int UNANSWERED_IN_A_ROW = 10;

    private final MinerNetwork network;
    private final AvailabilityRules rules;
    private final RecentOutcomes outcomes;

    public MinerNetworkHealthCheck(MinerNetwork network, AvailabilityRules rules, RecentOutcomes outcomes) {
        this.network = network;
        this.rules = rules;
        this.outcomes = outcomes;
    }

    @Override
    protected Result check() {
        Metagraph metagraph = network.metagraph();
        long available = metagraph.miners().stream().filter(rules::isAvailable).count();
        if (available == 0) {
            return Result.unhealthy("none of the %d neurons is available to query", metagraph.size());
        }
        Map<QueryOutcome, Integer> recent = outcomes.counts();
        int total = recent.values().stream().mapToInt(Integer::intValue).sum();
        if (total >= UNANSWERED_IN_A_ROW && !recent.containsKey(QueryOutcome.DELIVERED)) {
            return Result.unhealthy("none of the last %d queries got an answer from a miner (%s); %d of %d neurons"
                    + " available to query", total, describe(recent), available, metagraph.size());
        }
        String answered = total == 0 ? "no queries yet"
                : recent.getOrDefault(QueryOutcome.DELIVERED, 0) + " of the last " + total + " queries answered";
        return Result.healthy("%d of %d neurons available to query; %s", available, metagraph.size(), answered);
    }

    private static String describe(Map<QueryOutcome, Integer> outcomes) {
        return outcomes.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey().wireName())
                .collect(Collectors.joining(", "));
    }
}
