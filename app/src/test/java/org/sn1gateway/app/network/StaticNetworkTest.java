package org.sn1gateway.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.target;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.peer.AxonPeer;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.SseChat;
import org.sn1gateway.app.support.SseChat.Event;

/**
 * A static network whose one miner is the reference axon (adapters/src/test/node/axon-peer.mjs), reached over
 * loopback.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StaticNetworkTest {
    private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private static final AxonPeer PEER = startPeer();
    private static final Path WALLETS = aliceWallet();
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("static-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("network.miners[0].port", () -> Integer.toString(PEER.port())),
            ConfigOverride.config("network.wallet.path", () -> WALLETS.toString()),
            ConfigOverride.config("network.wallet.name", "validator"));

    private static AxonPeer startPeer() {
        try {
            return AxonPeer.start("--mode", "synapse", "--reply", "Static networks work fine.");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bittensor wallet folder holding //Alice's hotkey, in the Python SDK's format. */
    private static Path aliceWallet() {
        try {
            Path wallets = Files.createTempDirectory("wallets");
            Path hotkeys = Files.createDirectories(wallets.resolve("validator").resolve("hotkeys"));
            Files.writeString(hotkeys.resolve("default"), "{\"accountId\": null, \"publicKey\": null, \"privateKey\": null,"
                    + " \"secretPhrase\": null, \"secretSeed\": \"0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a\","
                    + " \"ss58Address\": \"" + ALICE + "\"}");
            return wallets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopPeer() {
        PEER.close();
    }

    @Test
    void streamsTheListedMinersAnswerWithRequestsTheReferenceVerifies() throws Exception {
        List<Event> events = SseChat.open(target(APP, "chat"),
                "{\"messages\": [\"Hello\"], \"roles\": [\"user\"]}", API_KEY).untilDone(Duration.ofSeconds(20));

        assertThat(events.getLast().data().get("completion").asText()).isEqualTo("Static networks work fine.");
        assertThat(events.getLast().data().get("uid").asInt()).isZero();
        var verdict = PEER.nextVerdict(Duration.ofSeconds(5));
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("signer").asText()).isEqualTo(ALICE);
        String health = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck").request()
                .get(String.class);
        assertThat(health).contains("\"wallet\":{\"healthy\":true,\"message\":\"signing as " + ALICE);
    }
}
