package org.sn1gateway.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.peer.AxonPeer;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.SseChat;

/**
 * The gateway on a real-network configuration: it syncs its metagraph from a test subtensor, starts, and
 * serves chats from the reference axon (which verifies every signed Epistula request) listed on chain.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BittensorNetworkTest {
    private static final AxonPeer PEER = peer("both");
    private static final TestSubtensorServer NODE = node(PEER);
    private static final Path WALLETS = TestChain.aliceWallet();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("bittensor-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.chain", () -> NODE.uri().toString()),
            ConfigOverride.config("network.wallet.path", () -> WALLETS.toString()));

    static AxonPeer peer(String mode) {
        try {
            return AxonPeer.start("--mode", mode, "--reply", "Hello from the chain.");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TestSubtensorServer node(AxonPeer peer) {
        try {
            return TestChain.serving(List.of(new TestChain.Neuron(0, TestChain.BOB, "127.0.0.1", peer.port(), 65_535)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        PEER.close();
        NODE.close();
    }

    @Test
    void syncsTheMetagraphAndServesSignedChatsAndKeepsServingWhenTheNodeGoesAway() throws Exception {
        assertThat(chat()).isEqualTo("Hello from the chain.");
        var verdict = PEER.nextVerdict(Duration.ofSeconds(10));
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("mode").asText()).isEqualTo("epistula");
        assertThat(health()).contains("\"metagraph\":{\"healthy\":true,\"message\":\"netuid 1: 1 neurons at block 6852690");

        NODE.close();
        String resync = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/tasks/resync-metagraph")
                .request().post(Entity.text(""), String.class);

        assertThat(resync).startsWith("sync failed, keeping the last metagraph, synced at ").contains(NODE.uri().toString());
        assertThat(chat()).isEqualTo("Hello from the chain.");
        assertThat(health()).as("the health check says why the metagraph is getting old")
                .contains("the last sync failed: ").contains(NODE.uri().toString());
    }

    private static String chat() throws Exception {
        return SseChat.open(target(APP, "chat"), "{\"messages\": [\"Hi\"], \"roles\": [\"user\"]}", API_KEY)
                .untilDone(Duration.ofSeconds(20)).getLast().data().get("completion").asText();
    }

    private static String health() {
        return APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck").request()
                .get(jakarta.ws.rs.core.Response.class).readEntity(String.class);
    }
}
