package org.sn1gateway.adapters.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sn1gateway.adapters.dendrite.SynapseSigning;

/** The body hash every classic synapse request computes: Python str() of the messages, then two SHA3-256. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class SynapseSigningBenchmark {
    private final List<String> conversation = List.of(
            "You are a helpful assistant.",
            "What is the capital of France, and why did it become the capital?",
            "Paris became the capital because of its central position and the Capetian kings' choice of it.",
            "Tell me more about naïve café culture there 🚀");

    @Benchmark
    public String computedBodyHash() {
        return SynapseSigning.computedBodyHash(conversation);
    }
}
