package org.sn1gateway.app.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.cli.MetagraphCommand;
import org.sn1gateway.app.config.GatewayConfiguration;

/** metagraph --format json syncs from the configured chain (a test subtensor) and prints what it found. */
class MetagraphCommandTest {
    @TempDir
    Path files;

    @Test
    void printsTheSyncedMetagraphAsJson() throws Exception {
        try (TestSubtensorServer node = TestChain.serving(List.of(
                new TestChain.Neuron(0, TestChain.BOB, "203.0.113.7", 8091, 65_535),
                new TestChain.Neuron(1, "33".repeat(32), "2001:db8::1", 8092, 0)))) {
            Path config = Files.writeString(files.resolve("config.yml"), """
                    database:
                      driverClass: org.h2.Driver
                      url: jdbc:h2:mem:metagraph-command
                    network:
                      type: bittensor
                      chain: %s
                    """.formatted(node.uri()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Bootstrap<GatewayConfiguration> bootstrap = new Bootstrap<>(new GatewayApplication());
            bootstrap.addCommand(new MetagraphCommand());
            PrintStream original = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                assertThat(new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err)
                        .run("metagraph", "--format", "json", config.toString())).isEmpty();
            } finally {
                System.setOut(original);
            }

            JsonNode neurons = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(neurons).hasSize(2);
            assertThat(neurons.get(0).get("hotkey").asText()).isEqualTo("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
            assertThat(neurons.get(0).get("axon").asText()).isEqualTo("203.0.113.7:8091");
            assertThat(neurons.get(0).get("incentive").asDouble()).isEqualTo(1.0);
            assertThat(neurons.get(0).get("stake").asDouble()).isEqualTo(1500.0);
            assertThat(neurons.get(1).get("axon").asText()).isEqualTo("[2001:db8::1]:8092");
        }
    }
}
