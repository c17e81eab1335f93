package org.sn1gateway.adapters.dendrite;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Several JDK clients behind one: each axon's requests always go to the same client, so its connections
 * are pooled as before, while the axons share out the clients. A JDK client serves all of its connections
 * from one selector thread; with thousands of streams open, that one thread fell behind, and connections
 * the kernel had long established were reported as connect timeouts.
 */
final class ShardedHttpClient extends HttpClient {
    private final List<HttpClient> shards;

    ShardedHttpClient(List<HttpClient> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("at least one client");
        }
        this.shards = List.copyOf(shards);
    }

    HttpClient shardFor(HttpRequest request) {
        String authority = String.valueOf(request.uri().getRawAuthority());
        return shards.get(Math.floorMod(authority.hashCode(), shards.size()));
    }

    private HttpClient first() {
        return shards.getFirst();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return shardFor(request).send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return shardFor(request).sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return shardFor(request).sendAsync(request, handler, pushPromises);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return first().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return first().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return first().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return first().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return first().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return first().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return first().authenticator();
    }

    @Override
    public Version version() {
        return first().version();
    }

    @Override
    public Optional<Executor> executor() {
        return first().executor();
    }

    @Override
    public void shutdown() {
        shards.forEach(HttpClient::shutdown);
    }

    @Override
    public void shutdownNow() {
        shards.forEach(HttpClient::shutdownNow);
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        for (HttpClient shard : shards) {
            if (!shard.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isTerminated() {
        return shards.stream().allMatch(HttpClient::isTerminated);
    }
}
