package org.sn1gateway.domain.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * Sources asked when the miners cannot answer a chat: none is available, or every wave failed before any text
 * reached the client. Asked once, as the chat's last wave, never once text is streaming, so a client never sees
 * its answer switch source. Its miners must have uids no miner of the subnet has.
 */
public final class Fallback {
    /** The summary's and query log's {@code selected_by} for an answer the fallback gave. */
    public static final String SELECTED_BY = "fallback";

    private final MinerNetwork network;
    private final AtomicInteger next = new AtomicInteger();

    public Fallback(MinerNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    MinerNetwork network() {
        return network;
    }

    /**
     * Up to {@code k} of the serving sources, starting one further along the list at each chat, so that the
     * load goes to them in turn; empty when none is serving.
     */
    List<Miner> pick(int k) {
        List<Miner> serving = network.metagraph().miners().stream().filter(miner -> miner.axon().isServing()).toList();
        if (serving.isEmpty()) {
            return List.of();
        }
        int start = Math.floorMod(next.getAndIncrement(), serving.size());
        List<Miner> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(k, serving.size()); i++) {
            picked.add(serving.get((start + i) % serving.size()));
        }
        return picked;
    }
}
