package org.sn1gateway.adapters.dendrite;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The JDK HTTP client as every dendrite needs it. */
public final class MinerHttpClients {
    private MinerHttpClients() {
    }

    /**
     * Axons speak plain HTTP/1.1; redirects are never followed (a miner must not steer the gateway
     * elsewhere); no system proxy; callbacks run on virtual threads.
     */
    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}
