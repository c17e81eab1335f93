package org.sn1gateway.adapters.bench;

import java.nio.charset.StandardCharsets;
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
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;

/**
 * sr25519 sign and verify on one thread: a synapse-style signed message, as every miner request carries.
 * {@code verify} checks one signer again and again, as a gateway checks the same miners' answers (its
 * tables are cached); {@code verifyUnseenKey} cycles through more signers than the cache holds, so every
 * verification first builds its signer's tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class Sr25519Benchmark {
    private final Sr25519KeyPair keys = Sr25519KeyPair.fromMiniSecret(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});
    private final byte[] message = ("1722470400123456789.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY."
            + "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.4fd5bd84-4f9a-11ef-9c2e-0242ac120002."
            + "0a0f38cbfc2c9422ef9245bcd617e7d027c68e59ed9961464bfc0edcaefc9042").getBytes(StandardCharsets.UTF_8);
    private final byte[] publicKey = keys.publicKey();
    private final byte[] signature = keys.sign(message);
    private final byte[][] manyPublicKeys = new byte[2 * 1024][];
    private final byte[][] manySignatures = new byte[manyPublicKeys.length][];
    private int next;

    @Setup
    public void signWithManyKeys() {
        for (int i = 0; i < manyPublicKeys.length; i++) {
            byte[] miniSecret = new byte[32];
            miniSecret[0] = (byte) i;
            miniSecret[1] = (byte) (i >> 8);
            Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret);
            manyPublicKeys[i] = pair.publicKey();
            manySignatures[i] = pair.sign(message);
        }
    }

    @Benchmark
    public byte[] sign() {
        return keys.sign(message);
    }

    @Benchmark
    public boolean verify() {
        return Sr25519.verify(publicKey, message, signature);
    }

    @Benchmark
    public boolean verifyUnseenKey() {
        next = (next + 1) % manyPublicKeys.length;
        return Sr25519.verify(manyPublicKeys[next], message, manySignatures[next]);
    }
}
