package org.sn1gateway.app.cli;

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
import org.sn1gateway.adapters.scale.RecordedChain;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;

/** metagraph-decode on the recorded finney chain data prints the neurons the reference decoded. */
class MetagraphDecodeCommandTest {
    @TempDir
    Path files;

    @Test
    void printsTheRecordedNeuronsInTheDocumentedShape() throws Exception {
        JsonNode recording = RecordedChain.json(RecordedChain.NEURONS_LITE_NETUID_23);
        Path result = Files.writeString(files.resolve("result.hex"), recording.get("raw_result_hex").asText());
        Path metadata = Files.writeString(files.resolve("metadata.hex"), RecordedChain.text(RecordedChain.METADATA_343));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bootstrap<GatewayConfiguration> bootstrap = new Bootstrap<>(new GatewayApplication());
        bootstrap.addCommand(new MetagraphDecodeCommand());
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err);
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli.run("metagraph-decode", "--result", result.toString(), "--metadata", metadata.toString()))
                    .isEmpty();
        } finally {
            System.setOut(original);
        }

        JsonNode printed = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(printed).hasSize(19);
        for (int i = 0; i < 19; i++) {
            JsonNode neuron = printed.get(i);
            JsonNode expected = recording.get("neurons").get(i);
            for (String field : List.of("uid", "netuid", "hotkey", "coldkey", "active", "stake", "rank", "emission",
                    "incentive", "consensus", "trust", "validator_trust", "dividends", "last_update", "validator_permit",
                    "pruning_score")) {
                assertThat(neuron.get(field).asText()).as("neuron %d %s", i, field).isEqualTo(expected.get(field).asText());
            }
            assertThat(neuron.get("stake").toString()).isEqualTo(expected.get("stake").toString());
            assertThat(neuron.get("axon_info").get("ip").asText()).isEqualTo(expected.get("axon_info").get("ip_str").asText());
            assertThat(neuron.get("axon_info").get("port").asInt()).isEqualTo(expected.get("axon_info").get("port").asInt());
        }
    }

    @Test
    void aMissingOrNonHexFileIsOneLineThatSaysSo() throws Exception {
        Path metadata = Files.writeString(files.resolve("metadata.hex"), RecordedChain.text(RecordedChain.METADATA_343));
        Path notHex = Files.writeString(files.resolve("result.json"), "{\"raw_result_hex\": \"0x00\"}");
        Path missing = files.resolve("nope.hex");

        assertThat(errorOf("--result", missing.toString(), "--metadata", metadata.toString()))
                .isEqualTo("metagraph-decode: --result: no such file: " + missing + System.lineSeparator());
        assertThat(errorOf("--result", notHex.toString(), "--metadata", metadata.toString()))
                .startsWith("metagraph-decode: --result: " + notHex + " does not hold hex: ")
                .hasLineCount(1);
    }

    private static String errorOf(String... arguments) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bootstrap<GatewayConfiguration> bootstrap = new Bootstrap<>(new GatewayApplication());
        bootstrap.addCommand(new MetagraphDecodeCommand());
        Cli cli = new Cli(new JarLocation(MetagraphDecodeCommandTest.class), bootstrap, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] command = new String[arguments.length + 1];
        command[0] = "metagraph-decode";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        assertThat(cli.run(command)).isPresent();
        return err.toString(StandardCharsets.UTF_8);
    }
}
