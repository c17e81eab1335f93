package org.sn1gateway.adapters.dendrite;

import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** Jetty's HTTP client as every dendrite needs it, started; stop it when the gateway stops. */
public final class MinerHttpClients {
    /** Larger response headers than this are a protocol violation (no axon sends more than a few KiB). */
    static final int MAX_RESPONSE_HEADERS_BYTES = 64 * 1024;
    /**
     * Connections (and so open streams) to one miner at once, and calls waiting for one. The JDK client had
     * no limit; Jetty's default of 64 would queue a busy gateway's calls behind each other.
     */
    private static final int MAX_PER_MINER = 16_384;
    /** How long an unused pooled connection stays open. */
    private static final Duration IDLE_CONNECTIONS = Duration.ofSeconds(30);

    private MinerHttpClients() {
    }

    /**
     * Plain HTTP/1.1 for axons, verified TLS for upstreams; redirects never followed and none remembered (a
     * miner must not steer the gateway elsewhere); no proxy, no cookies, no compression asked for, no
     * User-Agent. Its threads are daemons, so that a client nobody stopped never keeps a JVM alive.
     */
    public static HttpClient create(Duration connectTimeout) {
        ClientConnector connector = new ClientConnector();
        // One selector a processor, and at least two: one selector fell behind with thousands of streams open.
        connector.setSelectors(Math.max(2, Runtime.getRuntime().availableProcessors()));
        connector.setSslContextFactory(new SslContextFactory.Client());
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("miner-calls");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("miner-calls-scheduler", true));
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(IDLE_CONNECTIONS.toMillis());
        client.setFollowRedirects(false);
        client.setRedirectCache(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADERS_BYTES);
        client.setMaxConnectionsPerDestination(MAX_PER_MINER);
        client.setMaxRequestsQueuedPerDestination(MAX_PER_MINER);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the miner HTTP client did not start", e);
        }
        // Filled in by start(): without a decoder, no Accept-Encoding is sent and no answer arrives compressed.
        client.getContentDecoderFactories().clear();
        // Both would hold a refusal's body back until it was buffered whole, and act on what a miner says.
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        return client;
    }
}
