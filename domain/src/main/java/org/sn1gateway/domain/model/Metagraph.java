package org.sn1gateway.domain.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The subnet's neurons at one block, ordered by uid.
 *
 * @param block    chain block the snapshot was read at (0 for networks without a chain)
 * @param syncedAt when this gateway obtained it
 */
public record Metagraph(int netuid, long block, Instant syncedAt, List<Miner> miners) {
    public Metagraph {
        Objects.requireNonNull(syncedAt, "syncedAt");
        miners = miners.stream().sorted(Comparator.comparingInt(Miner::uid)).toList();
        for (int i = 1; i < miners.size(); i++) {
            if (miners.get(i).uid() == miners.get(i - 1).uid()) {
                throw new IllegalArgumentException("duplicate uid " + miners.get(i).uid());
            }
        }
    }

    public static Metagraph empty(int netuid, Instant at) {
        return new Metagraph(netuid, 0, at, List.of());
    }

    public Optional<Miner> miner(int uid) {
        int low = 0;
        int high = miners.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = miners.get(middle).uid();
            if (found == uid) {
                return Optional.of(miners.get(middle));
            }
            if (found < uid) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    public int size() {
        return miners.size();
    }
}
