package org.sn1gateway.domain.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.SamplingMode;

/**
 * Sampling steered by the gateway's own measurements: each slot goes to the best remaining miner by the
 * mode's score, except that a share of slots goes to a random remaining miner, so that new or recovering
 * miners keep being tried. Miners with too little history rank after those measured.
 */
final class MeasuredSampling {
    /** Share of slots filled at random. */
    static final double EXPLORATION = 0.2;
    /** Answers needed before a miner's measurements count. */
    static final int MIN_ANSWERS = 3;

    private MeasuredSampling() {
    }

    static List<Miner> sample(List<Miner> candidates, int k, SamplingMode mode, Map<Integer, MinerStats> stats,
                              RandomGenerator random) {
        List<Miner> ranked = new ArrayList<>(candidates);
        ranked.sort(ranking(mode, stats));
        List<Miner> chosen = new ArrayList<>();
        while (chosen.size() < k && !ranked.isEmpty()) {
            int pick = random.nextDouble() < EXPLORATION ? random.nextInt(ranked.size()) : 0;
            chosen.add(ranked.remove(pick));
        }
        return List.copyOf(chosen);
    }

    private static Comparator<Miner> ranking(SamplingMode mode, Map<Integer, MinerStats> stats) {
        Comparator<Miner> measuredFirst = Comparator.comparing(miner -> !isMeasured(stats.get(miner.uid())));
        Comparator<Miner> fastest = Comparator.comparing(miner ->
                stats.containsKey(miner.uid()) ? stats.get(miner.uid()).medianTimeToFirstChunk().toNanos() : Long.MAX_VALUE);
        Comparator<Miner> reliable = Comparator.comparingDouble(miner ->
                stats.containsKey(miner.uid()) ? -stats.get(miner.uid()).successRate() : 0);
        Comparator<Miner> score = mode == SamplingMode.RELIABLE ? reliable.thenComparing(fastest) : fastest;
        return measuredFirst.thenComparing(score).thenComparingInt(Miner::uid);
    }

    private static boolean isMeasured(MinerStats stats) {
        return stats != null && stats.answers() >= MIN_ANSWERS && stats.successRate() > 0;
    }
}
