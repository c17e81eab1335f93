package org.sn1gateway.domain.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStats;

/**
 * Picks the miners a query asks, by the client's selection and the subnet's availability rules. Miners the
 * query log has recently seen failing (at least {@link #FAILING_AFTER} answers, under {@link #FAILING_BELOW}
 * of them usable) are set aside, as a load balancer ejects an outlier: they are asked only when the others
 * cannot fill the wave, and come back once their failures leave the stats window. So are miners that
 * {@link OutlierEjection} has set aside after failures in a row, which it notices at once. A stream cannot
 * change miner once it has begun, so this is what keeps a miner that breaks off mid-answer from breaking
 * streams.
 */
public final class MinerSampler {
    /** Answers a miner needs in the stats window before it can be judged failing. */
    public static final int FAILING_AFTER = 5;
    /** The share of usable answers below which such a miner is set aside. */
    public static final double FAILING_BELOW = 0.2;

    private final AvailabilityRules rules;
    private final Supplier<RandomGenerator> random;
    private final OutlierEjection ejection;

    /** @param random the source of randomness, asked once per sample (e.g. {@code ThreadLocalRandom::current}) */
    public MinerSampler(AvailabilityRules rules, Supplier<RandomGenerator> random) {
        this(rules, random, null);
    }

    /** @param ejection the miners set aside after failures in a row, or null to go by the statistics alone */
    public MinerSampler(AvailabilityRules rules, Supplier<RandomGenerator> random, OutlierEjection ejection) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.random = Objects.requireNonNull(random, "random");
        this.ejection = ejection;
    }

    /** The miners to ask, possibly fewer than {@code k} (or none) when too few are available. */
    public List<Miner> sample(Metagraph metagraph, MinerSelection selection) {
        return sample(metagraph, selection, Map.of());
    }

    /** As above; {@code stats} steer the {@code fastest} and {@code reliable} modes. */
    public List<Miner> sample(Metagraph metagraph, MinerSelection selection, Map<Integer, MinerStats> stats) {
        if (!selection.uids().isEmpty()) {
            return selection.uids().stream().distinct()
                    .filter(uid -> !selection.exclude().contains(uid))
                    .flatMap(uid -> metagraph.miner(uid).stream())
                    .filter(rules::isAvailable)
                    .toList();
        }
        List<Miner> available = metagraph.miners().stream()
                .filter(rules::isAvailable)
                .filter(miner -> !selection.exclude().contains(miner.uid()))
                .toList();
        List<Miner> healthy = available.stream().filter(miner -> !isFailing(miner.uid(), stats)).toList();
        if (healthy.size() >= selection.k() || healthy.size() == available.size()) {
            return sample(healthy, selection, stats);
        }
        // Too few healthy miners for the wave: all of them, and the rest from those set aside.
        List<Miner> chosen = new ArrayList<>(healthy);
        chosen.addAll(sample(available.stream().filter(miner -> !healthy.contains(miner)).toList(),
                selection.nextWave(Set.of(), selection.k() - healthy.size()), stats));
        return List.copyOf(chosen);
    }

    private boolean isFailing(int uid, Map<Integer, MinerStats> stats) {
        MinerStats measured = stats.get(uid);
        return measured != null && measured.answers() >= FAILING_AFTER && measured.successRate() < FAILING_BELOW
                || ejection != null && ejection.isEjected(uid);
    }

    private List<Miner> sample(List<Miner> candidates, MinerSelection selection, Map<Integer, MinerStats> stats) {
        return switch (selection.mode()) {
            case RANDOM -> randomSample(candidates, selection.k());
            case TOP_INCENTIVE -> candidates.stream()
                    .sorted(Comparator.comparingDouble(Miner::incentive).reversed()) // stable: ties stay in uid order
                    .limit(selection.k())
                    .toList();
            case FASTEST, RELIABLE -> MeasuredSampling.sample(candidates, selection.k(), selection.mode(), stats,
                    random.get());
        };
    }

    private List<Miner> randomSample(List<Miner> candidates, int k) {
        List<Miner> pool = new ArrayList<>(candidates);
        int wanted = Math.min(k, pool.size());
        RandomGenerator generator = random.get();
        // Partial Fisher-Yates: uniform, without replacement.
        for (int i = 0; i < wanted; i++) {
            int j = i + generator.nextInt(pool.size() - i);
            Miner swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, wanted));
    }
}
