package org.sn1gateway.adapters.dendrite;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/** The JDK HTTP client as every dendrite needs it. */
public final class MinerHttpClients {
    private MinerHttpClients() {
    }

    /**
     * Axons speak plain HTTP/1.1; redirects are never followed (a miner must not steer the gateway
     * elsewhere); no system proxy; callbacks run on virtual threads. The axons are shared out among a
     * few JDK clients, so that no single selector thread carries every miner connection.
     */
    public static HttpClient create(Duration connectTimeout) {
        // One selector thread a processor, and at least two.
        int shards = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ShardedHttpClient(IntStream.range(0, shards).mapToObj(shard -> single(connectTimeout)).toList());
    }

    private static HttpClient single(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}
