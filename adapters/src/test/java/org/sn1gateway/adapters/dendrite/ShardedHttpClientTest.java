package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardedHttpClientTest {
    private static HttpRequest to(String authority, String path) {
        return HttpRequest.newBuilder(URI.create("http://" + authority + path)).build();
    }

    @Test
    void sendsEveryRequestToOneAxonThroughTheSameClientAndSharesTheAxonsOut() {
        try (HttpClient first = HttpClient.newHttpClient(); HttpClient second = HttpClient.newHttpClient()) {
            ShardedHttpClient sharded = new ShardedHttpClient(List.of(first, second));

            HttpClient axon = sharded.shardFor(to("127.0.0.1:10200", "/StreamPromptingSynapse"));
            assertThat(sharded.shardFor(to("127.0.0.1:10200", "/other"))).isSameAs(axon);
            Set<HttpClient> used = new HashSet<>();
            IntStream.range(10_200, 10_216).forEach(port -> used.add(sharded.shardFor(to("127.0.0.1:" + port, "/"))));
            assertThat(used).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void theDendritesClientHasSeveralShardsWithTheSameSettings() {
        HttpClient client = MinerHttpClients.create(Duration.ofSeconds(3));

        assertThat(client).isInstanceOf(ShardedHttpClient.class);
        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        client.shutdownNow();
    }
}
