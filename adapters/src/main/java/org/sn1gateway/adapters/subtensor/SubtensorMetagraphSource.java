package org.sn1gateway.adapters.subtensor;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.scale.RuntimeMetadata;
import org.sn1gateway.adapters.scale.ScaleReader;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;

/**
 * A subnet's metagraph read from a subtensor node: one block hash for a consistent snapshot, the runtime's
 * V15 metadata (re-read only when the runtime's spec version changes), then {@code get_neurons_lite} at
 * that block, decoded by the metadata's types (bittensor.md §6).
 */
public final class SubtensorMetagraphSource implements MetagraphSource {
    private static final double U16_MAX = 65_535;
    private static final BigInteger RAO_PER_TAO = BigInteger.valueOf(1_000_000_000);

    private final JsonRpcClient rpc;
    private final int netuid;
    private final InstantSource clock;
    private long metadataSpec = -1;
    private RuntimeMetadata metadata;

    public SubtensorMetagraphSource(JsonRpcClient rpc, int netuid, InstantSource clock) {
        this.rpc = rpc;
        this.netuid = netuid;
        this.clock = clock;
    }

    @Override
    public synchronized Metagraph fetch() {
        String hash = rpc.call("chain_getHead", List.of()).asText();
        long block = Long.decode(rpc.call("chain_getHeader", List.of(hash)).path("number").asText("0x0"));
        long spec = rpc.call("state_getRuntimeVersion", List.of(hash)).path("specVersion").asLong();
        if (spec != metadataSpec) {
            metadata = RuntimeMetadata.parse(metadataV15(hash));
            metadataSpec = spec;
        }
        String netuidArgument = HexFormat.of().formatHex(new byte[] {(byte) netuid, (byte) (netuid >> 8)});
        byte[] result = hex(rpc.call("state_call", List.of(NeuronsLiteDecoder.METHOD, netuidArgument, hash)));
        List<Miner> miners = NeuronsLiteDecoder.decode(metadata, result).stream()
                .map(SubtensorMetagraphSource::miner).toList();
        return new Metagraph(netuid, block, clock.instant(), miners);
    }

    /** {@code Metadata_metadata_at_version(15)} answers {@code Option<Vec<u8>>}. */
    private byte[] metadataV15(String hash) {
        ScaleReader reader = new ScaleReader(hex(rpc.call("state_call",
                List.of("Metadata_metadata_at_version", "0x0f000000", hash))));
        if (reader.u8() != 1) {
            throw new SubtensorException("the node offers no V15 metadata; this gateway needs it to decode neurons");
        }
        return reader.bytes();
    }

    static Miner miner(NeuronInfoLite neuron) {
        BigInteger rao = neuron.stake().stream().map(NeuronInfoLite.Stake::amount).reduce(BigInteger.ZERO, BigInteger::add);
        double stake = new BigDecimal(rao).divide(new BigDecimal(RAO_PER_TAO)).doubleValue();
        return new Miner(neuron.uid(), Ss58.encode(neuron.hotkey()), Ss58.encode(neuron.coldkey()),
                new AxonEndpoint(AxonIp.text(neuron.axonInfo().ip()), neuron.axonInfo().port()),
                neuron.incentive() / U16_MAX, stake, neuron.validatorPermit());
    }

    private static byte[] hex(JsonNode value) {
        String text = value.asText("");
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }
}
