package org.sn1gateway.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.peer.AxonPeer;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.SseChat;

/** The same real-network path with {@code protocol: synapse}: signed StreamPromptingSynapse requests. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BittensorSynapseNetworkTest {
    private static final AxonPeer PEER = BittensorNetworkTest.peer("synapse");
    private static final TestSubtensorServer NODE = BittensorNetworkTest.node(PEER);
    private static final Path WALLETS = TestChain.aliceWallet();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("bittensor-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.chain", () -> NODE.uri().toString()),
            ConfigOverride.config("network.protocol", "synapse"),
            ConfigOverride.config("network.wallet.path", () -> WALLETS.toString()));

    @AfterAll
    static void stop() throws Exception {
        PEER.close();
        NODE.close();
    }

    @Test
    void servesChatsFromAClassicSynapseMinerThatVerifiesEveryRequest() throws Exception {
        String completion = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Hi\"], \"roles\": [\"user\"]}", API_KEY)
                .untilDone(Duration.ofSeconds(20)).getLast().data().get("completion").asText();

        assertThat(completion).isEqualTo("Hello from the chain.");
        var verdict = PEER.nextVerdict(Duration.ofSeconds(10));
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("path").asText()).isEqualTo("/StreamPromptingSynapse");
    }
}
