package org.sn1gateway.adapters.subtensor;

import java.net.URI;
import java.util.Map;

/** The subtensor node a network name stands for (bittensor.md §6.1), or any ws:// or wss:// URL. */
public final class SubtensorEndpoint {
    private static final Map<String, String> NETWORKS = Map.of(
            "finney", "wss://entrypoint-finney.opentensor.ai:443",
            "test", "wss://test.finney.opentensor.ai:443",
            "local", "ws://127.0.0.1:9944");

    private SubtensorEndpoint() {
    }

    public static URI resolve(String network) {
        String url = NETWORKS.getOrDefault(network, network);
        if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
            throw new IllegalArgumentException("unknown subtensor network '" + network
                    + "': use finney, test, local or a ws:// or wss:// URL");
        }
        return URI.create(url);
    }

    /** Whether miners of this network may have only public addresses (finney and test are open to anyone). */
    public static boolean isPublic(String network) {
        return network.equals("finney") || network.equals("test");
    }
}
