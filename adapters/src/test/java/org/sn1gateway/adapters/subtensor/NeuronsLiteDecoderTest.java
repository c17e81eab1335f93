package org.sn1gateway.adapters.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.scale.RuntimeMetadata;
import org.sn1gateway.adapters.scale.ScaleException;
import org.sn1gateway.adapters.scale.ScaleReader;
import org.sn1gateway.adapters.scale.RecordedChain;

/** The recorded finney result for netuid 23 (the test resources' vectors/), decoded by spec 343's metadata. */
class NeuronsLiteDecoderTest {
    private static final RuntimeMetadata METADATA = RuntimeMetadata.parse(RecordedChain.hex(RecordedChain.METADATA_343));
    private static final JsonNode RECORDING = RecordedChain.json(RecordedChain.NEURONS_LITE_NETUID_23);

    private static byte[] raw() {
        return HexFormat.of().parseHex(RECORDING.get("raw_result_hex").asText().substring(2));
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static BigInteger big(JsonNode value) {
        return new BigInteger(value.asText());
    }

    @Test
    void decodesEveryNeuronOfTheRecordingWithEveryFieldEqual() {
        List<NeuronInfoLite> neurons = NeuronsLiteDecoder.decode(METADATA, raw());

        assertThat(neurons).hasSize(19);
        for (int i = 0; i < neurons.size(); i++) {
            assertSame(neurons.get(i), RECORDING.get("neurons").get(i));
        }
    }

    @Test
    void decodesTheDirectLayoutOfCurrentRuntimesToTheSameNeurons() {
        byte[] direct = new ScaleReader(raw()).bytes();

        List<NeuronInfoLite> neurons = NeuronsLiteDecoder.decode(METADATA, direct);

        assertThat(neurons).hasSize(19);
        assertSame(neurons.get(18), RECORDING.get("neurons").get(18));
    }

    @Test
    void refusesATruncatedResult() {
        byte[] raw = raw();

        assertThatThrownBy(() -> NeuronsLiteDecoder.decode(METADATA, Arrays.copyOf(raw, raw.length - 7)))
                .isInstanceOf(ScaleException.class);
    }

    @Test
    void printsAxonAddressesAsThePythonSdkDoes() {
        assertThat(AxonIp.text(BigInteger.ZERO)).isEqualTo("0.0.0.0");
        assertThat(AxonIp.text(new BigInteger("cb007107", 16))).isEqualTo("203.0.113.7");
        assertThat(AxonIp.text(new BigInteger("20010db8000000000000000000000001", 16))).isEqualTo("2001:db8::1");
        assertThat(AxonIp.text(new BigInteger("ffff7f000001", 16))).isEqualTo("::ffff:127.0.0.1");
        assertThat(AxonIp.text(new BigInteger("20010db8000000010000000000000001", 16))).isEqualTo("2001:db8:0:1::1");
    }

    private static void assertSame(NeuronInfoLite neuron, JsonNode expected) {
        assertThat(hex(neuron.hotkey())).isEqualTo(expected.get("hotkey_hex").asText());
        assertThat(hex(neuron.coldkey())).isEqualTo(expected.get("coldkey_hex").asText());
        assertThat(Ss58.encode(neuron.hotkey())).isEqualTo(expected.get("hotkey").asText());
        assertThat(Ss58.encode(neuron.coldkey())).isEqualTo(expected.get("coldkey").asText());
        assertThat(neuron.uid()).isEqualTo(expected.get("uid").asInt());
        assertThat(neuron.netuid()).isEqualTo(expected.get("netuid").asInt());
        assertThat(neuron.active()).isEqualTo(expected.get("active").asBoolean());
        JsonNode axon = expected.get("axon_info");
        assertThat(neuron.axonInfo()).isEqualTo(new NeuronInfoLite.AxonInfo(big(axon.get("block")),
                axon.get("version").asLong(), big(axon.get("ip")), axon.get("port").asInt(), axon.get("ip_type").asInt(),
                axon.get("protocol").asInt(), axon.get("placeholder1").asInt(), axon.get("placeholder2").asInt()));
        assertThat(AxonIp.text(neuron.axonInfo().ip())).isEqualTo(axon.get("ip_str").asText());
        JsonNode prometheus = expected.get("prometheus_info");
        assertThat(neuron.prometheusInfo()).isEqualTo(new NeuronInfoLite.PrometheusInfo(big(prometheus.get("block")),
                prometheus.get("version").asLong(), big(prometheus.get("ip")), prometheus.get("port").asInt(),
                prometheus.get("ip_type").asInt()));
        assertThat(neuron.stake()).hasSize(expected.get("stake").size());
        for (int s = 0; s < neuron.stake().size(); s++) {
            assertThat(Ss58.encode(neuron.stake().get(s).coldkey())).isEqualTo(expected.get("stake").get(s).get(0).asText());
            assertThat(neuron.stake().get(s).amount()).isEqualTo(big(expected.get("stake").get(s).get(1)));
        }
        assertThat(neuron.rank()).isEqualTo(expected.get("rank").asInt());
        assertThat(neuron.emission()).isEqualTo(big(expected.get("emission")));
        assertThat(neuron.incentive()).isEqualTo(expected.get("incentive").asInt());
        assertThat(neuron.consensus()).isEqualTo(expected.get("consensus").asInt());
        assertThat(neuron.trust()).isEqualTo(expected.get("trust").asInt());
        assertThat(neuron.validatorTrust()).isEqualTo(expected.get("validator_trust").asInt());
        assertThat(neuron.dividends()).isEqualTo(expected.get("dividends").asInt());
        assertThat(neuron.lastUpdate()).isEqualTo(big(expected.get("last_update")));
        assertThat(neuron.validatorPermit()).isEqualTo(expected.get("validator_permit").asBoolean());
        assertThat(neuron.pruningScore()).isEqualTo(expected.get("pruning_score").asInt());
    }
}
