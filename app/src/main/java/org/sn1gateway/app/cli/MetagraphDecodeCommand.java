package org.sn1gateway.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.scale.RuntimeMetadata;
import org.sn1gateway.adapters.scale.ScaleReader;
import org.sn1gateway.adapters.subtensor.AxonIp;
import org.sn1gateway.adapters.subtensor.NeuronInfoLite;
import org.sn1gateway.adapters.subtensor.NeuronsLiteDecoder;

/**
 * {@code metagraph-decode --result HEX_FILE --metadata HEX_FILE}: decodes a recorded
 * {@code get_neurons_lite} result offline with the given runtime metadata and prints the neurons as JSON.
 */
public final class MetagraphDecodeCommand extends Command {
    private static final String META = "6d657461";

    public MetagraphDecodeCommand() {
        super("metagraph-decode", "Decodes a recorded get_neurons_lite result with runtime metadata, offline");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--result").required(true).help("file with the state_call result as hex");
        subparser.addArgument("--metadata").required(true)
                .help("file with the runtime metadata as hex (plain, or as Metadata_metadata_at_version returns it)");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("metagraph-decode: " + error.getMessage());
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws IOException {
        RuntimeMetadata metadata = RuntimeMetadata.parse(metadata(hexFile("metadata", namespace.getString("metadata"))));
        List<NeuronInfoLite> neurons = NeuronsLiteDecoder.decode(metadata, hexFile("result", namespace.getString("result")));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(json.writeValueAsString(neurons.stream().map(MetagraphDecodeCommand::view).toList()));
    }

    /** Plain metadata, or the Option-wrapped bytes of {@code Metadata_metadata_at_version}. */
    private static byte[] metadata(byte[] bytes) {
        if (HexFormat.of().formatHex(bytes, 0, Math.min(4, bytes.length)).equals(META) || bytes.length == 0) {
            return bytes;
        }
        ScaleReader reader = new ScaleReader(bytes);
        if (reader.u8() != 1) {
            throw new IllegalArgumentException("the metadata file holds neither metadata nor Some(metadata)");
        }
        return reader.bytes();
    }

    /** The bytes of a hex file; the JDK's own messages here name only the path, so say what is wrong with it. */
    private static byte[] hexFile(String option, String file) throws IOException {
        String text;
        try {
            text = Files.readString(Path.of(file)).strip().replaceAll("^\"|\"$", "");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--" + option + ": no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--" + option + ": cannot read " + file + ": permission denied");
        }
        try {
            return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + option + ": " + file + " does not hold hex: " + e.getMessage());
        }
    }

    /** The neuron in the shape of shared/spec/api.md: raw values, keys and coldkeys as SS58, the IP as text. */
    static Map<String, Object> view(NeuronInfoLite neuron) {
        Map<String, Object> axon = new LinkedHashMap<>();
        axon.put("block", neuron.axonInfo().block());
        axon.put("version", neuron.axonInfo().version());
        axon.put("ip", AxonIp.text(neuron.axonInfo().ip()));
        axon.put("port", neuron.axonInfo().port());
        axon.put("ip_type", neuron.axonInfo().ipType());
        axon.put("protocol", neuron.axonInfo().protocol());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uid", neuron.uid());
        view.put("netuid", neuron.netuid());
        view.put("hotkey", Ss58.encode(neuron.hotkey()));
        view.put("coldkey", Ss58.encode(neuron.coldkey()));
        view.put("active", neuron.active());
        view.put("axon_info", axon);
        view.put("stake", neuron.stake().stream().map(s -> List.of(Ss58.encode(s.coldkey()), s.amount())).toList());
        view.put("rank", neuron.rank());
        view.put("emission", neuron.emission());
        view.put("incentive", neuron.incentive());
        view.put("consensus", neuron.consensus());
        view.put("trust", neuron.trust());
        view.put("validator_trust", neuron.validatorTrust());
        view.put("dividends", neuron.dividends());
        view.put("last_update", neuron.lastUpdate());
        view.put("validator_permit", neuron.validatorPermit());
        view.put("pruning_score", neuron.pruningScore());
        return view;
    }
}
