package org.sn1gateway.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which miners a query may reach.
 *
 * @param k       how many miners to ask when {@code uids} is empty
 * @param mode    how to pick them
 * @param exclude uids never to ask
 * @param uids    when not empty, ask exactly these (still subject to {@code exclude} and availability)
 */
public record MinerSelection(int k, SamplingMode mode, Set<Integer> exclude, List<Integer> uids) {
    public MinerSelection {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        exclude = Set.copyOf(exclude);
        uids = List.copyOf(uids);
    }

    /**
     * The selection for a later wave of the same query: {@code k} more miners by the same rules, never one of
     * {@code asked} (with {@code uids}, that leaves only those not asked yet).
     */
    public MinerSelection nextWave(Set<Integer> asked, int k) {
        Set<Integer> never = new HashSet<>(exclude);
        never.addAll(asked);
        return new MinerSelection(k, mode, never, uids);
    }

    public static MinerSelection random(int k) {
        return new MinerSelection(k, SamplingMode.RANDOM, Set.of(), List.of());
    }
}
