package org.sn1gateway.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miner;
import static org.sn1gateway.domain.fakes.MinerFixtures.miners;
import static org.sn1gateway.domain.fakes.MinerFixtures.notServing;
import static org.sn1gateway.domain.fakes.MinerFixtures.validator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerSelection;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.SamplingMode;

class MinerSamplerTest {
    private final Random random = new Random(7);
    private final MinerSampler sampler = new MinerSampler(AvailabilityRules.defaults(), () -> random);

    private static Metagraph metagraph(List<Miner> miners) {
        return new Metagraph(1, 1, Instant.EPOCH, miners);
    }

    private static List<Integer> uids(List<Miner> miners) {
        return miners.stream().map(Miner::uid).toList();
    }

    private static MinerSelection selection(int k, SamplingMode mode, Set<Integer> exclude, List<Integer> uids) {
        return new MinerSelection(k, mode, exclude, uids);
    }

    @Test
    void randomSamplePicksKDistinctAvailableMiners() {
        List<Miner> sample = sampler.sample(metagraph(miners(10)), MinerSelection.random(4));

        assertThat(uids(sample)).hasSize(4).doesNotHaveDuplicates().allMatch(uid -> uid >= 0 && uid < 10);
    }

    @Test
    void randomSampleReachesEveryCandidateRoughlyEvenly() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            sampler.sample(metagraph(miners(8)), MinerSelection.random(2))
                    .forEach(miner -> counts.merge(miner.uid(), 1, Integer::sum));
        }

        // 4,000 picks over 8 uids: 500 each on average; a biased sampler strays far from it.
        assertThat(counts).hasSize(8);
        assertThat(counts.values()).allMatch(count -> count > 400 && count < 600);
    }

    @Test
    void neverSamplesExcludedUids() {
        List<Miner> sample = sampler.sample(metagraph(miners(6)),
                selection(6, SamplingMode.RANDOM, Set.of(1, 4), List.of()));

        assertThat(uids(sample)).containsExactlyInAnyOrder(0, 2, 3, 5);
    }

    @Test
    void neverSamplesAValidatorPermitAboveTheStakeLimit() {
        List<Miner> miners = List.of(miner(0), validator(1, 5_000), validator(2, 4_096), miner(3));

        List<Miner> sample = sampler.sample(metagraph(miners), MinerSelection.random(4));

        assertThat(uids(sample)).containsExactlyInAnyOrder(0, 2, 3);
    }

    @Test
    void neverSamplesAMinerThatIsNotServing() {
        List<Miner> sample = sampler.sample(metagraph(List.of(miner(0), notServing(1))), MinerSelection.random(2));

        assertThat(uids(sample)).containsExactly(0);
    }

    @Test
    void neverSamplesTheGatewaysOwnHotkey() {
        MinerSampler own = new MinerSampler(
                new AvailabilityRules(4096, Optional.of(miner(2).hotkey())), () -> random);

        assertThat(uids(own.sample(metagraph(miners(3)), MinerSelection.random(3)))).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void returnsEveryCandidateWhenFewerThanKAreAvailable() {
        assertThat(sampler.sample(metagraph(miners(3)), MinerSelection.random(10))).hasSize(3);
        assertThat(sampler.sample(metagraph(List.of()), MinerSelection.random(3))).isEmpty();
    }

    @Test
    void topIncentiveTakesTheHighestIncentivesWithTiesInUidOrder() {
        List<Miner> miners = List.of(miner(0, 0.1), miner(1, 0.5), miner(2, 0.3), miner(3, 0.5), miner(4, 0.9));

        List<Miner> sample = sampler.sample(metagraph(miners),
                selection(3, SamplingMode.TOP_INCENTIVE, Set.of(), List.of()));

        assertThat(uids(sample)).containsExactly(4, 1, 3);
    }

    @Test
    void topIncentiveHonoursExclusionsAndAvailability() {
        List<Miner> miners = List.of(miner(0, 0.1), validator(1, 10_000), miner(2, 0.3), miner(3, 0.8));

        List<Miner> sample = sampler.sample(metagraph(miners),
                selection(2, SamplingMode.TOP_INCENTIVE, Set.of(3), List.of()));

        assertThat(uids(sample)).containsExactly(2, 0);
    }

    private static MinerStats stats(int uid, int answers, double successRate, long ttfcMillis) {
        return new MinerStats(uid, answers, successRate, Duration.ofMillis(ttfcMillis));
    }

    private Map<Integer, Integer> picks(SamplingMode mode, Map<Integer, MinerStats> stats, int rounds) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
            sampler.sample(metagraph(miners(8)), selection(1, mode, Set.of(), List.of()), stats)
                    .forEach(miner -> counts.merge(miner.uid(), 1, Integer::sum));
        }
        return counts;
    }

    @Test
    void fastestPrefersTheMinersWithTheLowestTimeToFirstChunkButStillExplores() {
        Map<Integer, MinerStats> history = new HashMap<>();
        for (int uid = 0; uid < 8; uid++) {
            history.put(uid, stats(uid, 20, 0.9, uid == 3 || uid == 6 ? 80 : 1_500));
        }

        Map<Integer, Integer> counts = picks(SamplingMode.FASTEST, history, 2_000);

        int fast = counts.getOrDefault(3, 0) + counts.getOrDefault(6, 0);
        assertThat(fast).isGreaterThan(1_400).isLessThan(2_000);
        assertThat(counts.keySet()).as("exploration reaches the others too").hasSizeGreaterThan(4);
    }

    @Test
    void reliablePrefersTheMinersThatAnswerUsefullyMostOften() {
        Map<Integer, MinerStats> history = new HashMap<>();
        for (int uid = 0; uid < 8; uid++) {
            history.put(uid, stats(uid, 20, uid == 5 ? 1.0 : 0.4, 100));
        }

        Map<Integer, Integer> counts = picks(SamplingMode.RELIABLE, history, 2_000);

        assertThat(counts.getOrDefault(5, 0)).isGreaterThan(1_400).isLessThan(2_000);
    }

    @Test
    void measuredModesRankMinersWithoutEnoughHistoryLastAndNeverFailWithoutIt() {
        Map<Integer, MinerStats> history = Map.of(2, stats(2, 2, 1.0, 10), 4, stats(4, 10, 1.0, 900));

        List<Miner> sample = sampler.sample(metagraph(miners(8)), selection(8, SamplingMode.FASTEST, Set.of(1), List.of()),
                history);

        assertThat(uids(sample)).hasSize(7).doesNotContain(1);
        assertThat(sampler.sample(metagraph(miners(3)), selection(2, SamplingMode.RELIABLE, Set.of(), List.of()), Map.of()))
                .hasSize(2);
    }

    @Test
    void minersSeenFailingAreSetAsideInEveryModeWhileOthersCanFillTheWave() {
        Map<Integer, MinerStats> history = new HashMap<>();
        history.put(1, stats(1, MinerSampler.FAILING_AFTER, 0.0, 100)); // always breaks: set aside
        history.put(2, stats(2, 50, 0.1, 100)); // mostly fails: set aside
        history.put(3, stats(3, MinerSampler.FAILING_AFTER - 1, 0.0, 100)); // too few answers to judge
        history.put(4, stats(4, 50, 0.5, 100)); // unreliable but useful: kept
        Metagraph metagraph = metagraph(miners(6));

        for (SamplingMode mode : SamplingMode.values()) {
            for (int round = 0; round < 200; round++) {
                assertThat(uids(sampler.sample(metagraph, selection(4, mode, Set.of(), List.of()), history)))
                        .as(mode.name()).hasSize(4).doesNotContain(1, 2);
            }
        }
    }

    @Test
    void minersSetAsideAreStillAskedWhenTheOthersCannotFillTheWave() {
        Map<Integer, MinerStats> history = Map.of(0, stats(0, 20, 0.0, 100), 1, stats(1, 20, 0.0, 100),
                2, stats(2, 20, 0.0, 100));

        List<Miner> sample = sampler.sample(metagraph(miners(4)), MinerSelection.random(3), history);

        assertThat(uids(sample)).hasSize(3).doesNotHaveDuplicates().contains(3);
        assertThat(sampler.sample(metagraph(miners(3)), MinerSelection.random(1), history)).hasSize(1);
    }

    @Test
    void explicitUidsAreAskedEvenWhenSeenFailing() {
        Map<Integer, MinerStats> history = Map.of(2, stats(2, 20, 0.0, 100));

        assertThat(uids(sampler.sample(metagraph(miners(4)), selection(1, SamplingMode.RANDOM, Set.of(), List.of(2)),
                history))).containsExactly(2);
    }

    @Test
    void explicitUidsAreAskedExactlyUnlessExcludedUnknownOrUnavailable() {
        List<Miner> miners = List.of(miner(0), miner(1), validator(2, 9_000), miner(3), miner(4));

        List<Miner> sample = sampler.sample(metagraph(miners),
                selection(1, SamplingMode.RANDOM, Set.of(3), List.of(4, 3, 2, 1, 99, 4)));

        assertThat(uids(sample)).containsExactly(4, 1);
    }
}
