package org.sn1gateway.app.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.sn1gateway.adapters.scale.ScaleWriter;
import org.sn1gateway.adapters.scale.RecordedChain;
import org.sn1gateway.adapters.subtensor.NeuronsLiteDecoder;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer.Reply;

/**
 * A chain for the gateway to sync: a test subtensor serving spec 343's metadata (from the recorded chain data in adapters' test resources) and
 * a netuid-1 neurons-lite result encoded for the given neurons, in the direct layout of current runtimes.
 */
final class TestChain {
    /** A neuron to put on chain: its hotkey's public key and where its axon serves. */
    record Neuron(int uid, String hotkeyHex, String ip, int port, int incentive) {
    }

    static final String BOB = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    static final String ALICE_SEED = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestChain() {
    }

    static TestSubtensorServer serving(List<Neuron> neurons) throws Exception {
        byte[] metadata = RecordedChain.hex(RecordedChain.METADATA_343);
        String metadataResult = "0x" + HexFormat.of().formatHex(new ScaleWriter().u8(1).bytes(metadata).toByteArray());
        String neuronsResult = "0x" + HexFormat.of().formatHex(encode(neurons));
        return new TestSubtensorServer((method, params) -> switch (method) {
            case "chain_getHead" -> new Reply.Result(TextNode.valueOf("0x" + "ab".repeat(32)));
            case "chain_getHeader" -> new Reply.Result(JSON.createObjectNode().put("number", "0x689052"));
            case "state_getRuntimeVersion" -> new Reply.Result(JSON.createObjectNode().put("specVersion", 343));
            case "state_call" -> params.get(0).asText().equals(NeuronsLiteDecoder.METHOD)
                    ? new Reply.Result(TextNode.valueOf(neuronsResult))
                    : new Reply.Result(TextNode.valueOf(metadataResult));
            default -> new Reply.Error(-32601, "Method not found");
        });
    }

    /** Vec<NeuronInfoLite> with the field order of bittensor.md §6.6. */
    static byte[] encode(List<Neuron> neurons) throws Exception {
        ScaleWriter out = new ScaleWriter().compact(neurons.size());
        for (Neuron neuron : neurons) {
            byte[] hotkey = HexFormat.of().parseHex(neuron.hotkeyHex());
            out.raw(hotkey).raw(hotkey).compact(neuron.uid()).compact(1).bool(true);
            BigInteger ip = new BigInteger(1, InetAddress.getByName(neuron.ip()).getAddress());
            out.unsigned(4_000_000, 8).unsigned(10_002_000, 4).unsigned(ip, 16).unsigned(neuron.port(), 2)
                    .u8(ip.bitLength() > 32 ? 6 : 4).u8(4).u8(0).u8(0);
            out.unsigned(0, 8).unsigned(0, 4).unsigned(BigInteger.ZERO, 16).unsigned(0, 2).u8(0);
            out.compact(1).raw(hotkey).compact(1_500_000_000_000L);
            out.compact(0).compact(123_456_789).compact(neuron.incentive()).compact(0).compact(0).compact(0).compact(0)
                    .compact(3_999_990).bool(false).compact(0);
        }
        return out.toByteArray();
    }

    /** A bittensor wallet folder holding //Alice's hotkey, in the Python SDK's format. */
    static Path aliceWallet() {
        try {
            Path wallets = Files.createTempDirectory("wallets");
            Path hotkeys = Files.createDirectories(wallets.resolve("validator").resolve("hotkeys"));
            Files.writeString(hotkeys.resolve("default"), "{\"secretSeed\": \"" + ALICE_SEED + "\"}");
            return wallets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
