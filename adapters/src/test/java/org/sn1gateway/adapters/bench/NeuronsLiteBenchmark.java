package org.sn1gateway.adapters.bench;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sn1gateway.adapters.scale.RuntimeMetadata;
import org.sn1gateway.adapters.scale.ScaleReader;
import org.sn1gateway.adapters.scale.ScaleWriter;
import org.sn1gateway.adapters.scale.RecordedChain;
import org.sn1gateway.adapters.subtensor.NeuronInfoLite;
import org.sn1gateway.adapters.subtensor.NeuronsLiteDecoder;

/**
 * Decoding a metagraph the size of Subnet 1's: the 19 neurons recorded from the chain (RecordedChain),
 * repeated 54 times into one result of 1,026, decoded with the recorded runtime
 * metadata as a sync does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class NeuronsLiteBenchmark {
    private static final int COPIES = 54;

    private RuntimeMetadata metadata;
    private byte[] result;

    @Setup
    public void readRecording() {
        metadata = RuntimeMetadata.parse(RecordedChain.hex(RecordedChain.METADATA_343));
        String hex = RecordedChain.json(RecordedChain.NEURONS_LITE_NETUID_23)
                .get("raw_result_hex").asText().substring(2);
        ScaleReader vector = new ScaleReader(new ScaleReader(HexFormat.of().parseHex(hex)).bytes());
        long count = vector.compact().longValueExact();
        byte[] elements = vector.take(vector.remaining());
        ScaleWriter copies = new ScaleWriter().compact(count * COPIES);
        for (int i = 0; i < COPIES; i++) {
            copies.raw(elements);
        }
        result = copies.toByteArray();
    }

    @Benchmark
    public List<NeuronInfoLite> decode() {
        return NeuronsLiteDecoder.decode(metadata, result);
    }
}
