package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.adapters.simulation.MinerBehaviour;
import org.sn1gateway.adapters.simulation.SimulatedSubnet;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.SseChat;

/**
 * simulate's axons, in a subnet of their own, queried by the benchmark gateway (bench-gateway.yml) as a
 * static network: its listed hotkeys must be the ones simulate's defaults give, or the axons' response
 * signatures would not match them, and its wallet must sign requests the axons accept.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimulateCommandTest {
    private static final int MINERS = 16;
    private static final String BENCH_KEY = "bench-key";
    private static final SimulatedSubnet SUBNET = SimulateCommand.start(new Namespace(Map.of("miners", MINERS,
            "seed", 42L, "behaviours", "instant", "time_scale", 1.0, "port", 0)));
    private static final DropwizardAppExtension<GatewayConfiguration> APP = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("bench-gateway.yml"), overrides());

    /** Free ports instead of the benchmark's fixed ones; the rest of the file as it is. */
    private static ConfigOverride[] overrides() {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                ConfigOverride.config("network.wallet.path", ResourceHelpers.resourceFilePath("bench-wallets"))));
        SUBNET.metagraph().miners().forEach(miner -> overrides.add(ConfigOverride.config(
                "network.miners[" + miner.uid() + "].port", Integer.toString(miner.axon().port()))));
        return overrides.toArray(ConfigOverride[]::new);
    }

    @AfterAll
    static void stopAxons() {
        SUBNET.close();
    }

    @Test
    void everyAxonAnswersTheBenchmarkGatewayWithSignaturesCheckedBothWays() throws Exception {
        String uids = IntStream.range(0, MINERS).mapToObj(Integer::toString).toList().toString();
        JsonNode summary = SseChat.open(target(APP, "chat"), "{\"messages\": [\"Hello\"], \"roles\": [\"user\"],"
                + " \"uids\": " + uids + ", \"prefer\": \"longest\"}", BENCH_KEY).untilDone(Duration.ofSeconds(30))
                .getLast().data();

        assertThat(summary.get("miners")).hasSize(MINERS).allSatisfy(miner ->
                assertThat(miner.get("status").asText()).as(miner.toString()).isIn("selected", "ok"));
        assertThat(summary.get("completion").asText()).isNotBlank();
        assertThat(SUBNET.requestsReceived()).isEqualTo(MINERS);
    }

    @Test
    void printsAStaticNetworkOfEveryAxonWithItsPortAndKeys() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulateCommand.printNetwork(SUBNET, new PrintStream(out, true, StandardCharsets.UTF_8));

        JsonNode network = new ObjectMapper(new YAMLFactory()).readTree(out.toByteArray()).get("network");
        assertThat(network.get("type").asText()).isEqualTo("static");
        assertThat(network.get("protocol").asText()).isEqualTo("synapse");
        JsonNode miners = network.get("miners");
        assertThat(miners).hasSize(MINERS + 1);
        SUBNET.metagraph().miners().forEach(miner -> {
            JsonNode printed = miners.get(miner.uid());
            assertThat(printed.get("hotkey").asText()).isEqualTo(miner.hotkey());
            assertThat(printed.get("port").asInt()).isEqualTo(miner.axon().port());
            assertThat(printed.get("validatorPermit").asBoolean()).isEqualTo(miner.validatorPermit());
        });
    }

    @Test
    void theLastBehaviourGivenFillsTheRemainingMiners() {
        assertThat(SimulateCommand.behaviours("fast,instant", 4))
                .containsExactly(MinerBehaviour.FAST, MinerBehaviour.INSTANT, MinerBehaviour.INSTANT, MinerBehaviour.INSTANT);
        assertThat(SimulateCommand.behaviours("", 4)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulateCommand.behaviours("sleepy", 4))
                .hasMessage("unknown behaviour 'sleepy'");
    }
}
