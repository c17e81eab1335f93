package org.sn1gateway.adapters.dendrite;

import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The dendrite UUIDs of the calls to each axon. An axon keeps the last nonce per caller UUID and refuses
 * a smaller one (bittensor.md §1.7), so two calls under one UUID can race: the one signed first may
 * arrive second and be refused. Here a call borrows a UUID no other call to that axon is using and
 * gives it back when it ends, after its request has surely arrived; the next call under that UUID has a
 * newer nonce. The axon stores one entry per UUID, so their number stays the most calls ever made to it
 * at once, not one per request.
 */
final class DendriteUuids {
    private final ConcurrentHashMap<String, Queue<String>> idle = new ConcurrentHashMap<>();

    String borrow(String axon) {
        String uuid = idle.computeIfAbsent(axon, key -> new ConcurrentLinkedQueue<>()).poll();
        return uuid != null ? uuid : UUID.randomUUID().toString();
    }

    void giveBack(String axon, String uuid) {
        idle.computeIfAbsent(axon, key -> new ConcurrentLinkedQueue<>()).add(uuid);
    }
}
