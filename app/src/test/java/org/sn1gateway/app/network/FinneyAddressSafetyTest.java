package org.sn1gateway.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.SseChat;

/**
 * On finney a miner can register any address; axons in loopback, private and link-local ranges must never
 * be contacted. The chain is served by a test subtensor standing in for the validator's own finney node.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FinneyAddressSafetyTest {
    private static final AtomicInteger LOOPBACK_HITS = new AtomicInteger();
    private static final HttpServer LOOPBACK_AXON = loopbackAxon();
    private static final TestSubtensorServer NODE = node();
    private static final Path WALLETS = TestChain.aliceWallet();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("bittensor-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.chain", "finney"),
            ConfigOverride.config("network.endpoint", () -> NODE.uri().toString()),
            ConfigOverride.config("network.wallet.path", () -> WALLETS.toString()));

    private static HttpServer loopbackAxon() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                LOOPBACK_HITS.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestSubtensorServer node() {
        try {
            return TestChain.serving(List.of(
                    new TestChain.Neuron(0, TestChain.BOB, "127.0.0.1", LOOPBACK_AXON.getAddress().getPort(), 30_000),
                    new TestChain.Neuron(1, "11".repeat(32), "10.0.0.1", 8091, 20_000),
                    new TestChain.Neuron(2, "22".repeat(32), "169.254.169.254", 80, 10_000)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        LOOPBACK_AXON.stop(0);
        NODE.close();
    }

    @Test
    void neverConnectsToLoopbackPrivateOrLinkLocalAxons() throws Exception {
        JsonNode summary = SseChat.open(target(APP, "chat"),
                "{\"messages\": [\"Hi\"], \"roles\": [\"user\"], \"uids\": [0, 1, 2]}", API_KEY)
                .untilDone(Duration.ofSeconds(20)).getLast().data();

        assertThat(summary.get("miners")).hasSize(3).allSatisfy(miner -> {
            assertThat(miner.get("status").asText()).isEqualTo("error");
            assertThat(miner.get("reason").asText()).startsWith("axon not contacted: ");
        });
        assertThat(summary.get("miners").toString()).contains("127.0.0.1 is a loopback address")
                .contains("10.0.0.1 is a private address").contains("169.254.169.254 is a link-local address");
        assertThat(LOOPBACK_HITS).hasValue(0);
    }
}
