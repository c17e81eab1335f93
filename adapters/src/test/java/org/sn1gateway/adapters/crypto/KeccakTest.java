package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The permutation against the JDK's own SHA-3, an independent Keccak, through a sponge built on ours. */
class KeccakTest {
    @Test
    void hashesAsTheJdksSha3() throws Exception {
        Random random = new Random(3);
        for (int length : new int[] {0, 1, 71, 135, 136, 137, 200, 271, 272, 1000}) {
            byte[] message = new byte[length];
            random.nextBytes(message);

            assertThat(sha3(message, 136, 32)).as("SHA3-256 of %d bytes", length)
                    .isEqualTo(MessageDigest.getInstance("SHA3-256").digest(message));
            assertThat(sha3(message, 72, 64)).as("SHA3-512 of %d bytes", length)
                    .isEqualTo(MessageDigest.getInstance("SHA3-512").digest(message));
        }
    }

    /** FIPS 202's sponge: absorb rate-sized blocks, pad with 0x06 ... 0x80, squeeze one block. */
    private static byte[] sha3(byte[] message, int rate, int outputLength) {
        byte[] state = new byte[200];
        int position = 0;
        for (byte b : message) {
            state[position++] ^= b;
            if (position == rate) {
                Keccak.permute(state);
                position = 0;
            }
        }
        state[position] ^= 0x06;
        state[rate - 1] ^= (byte) 0x80;
        Keccak.permute(state);
        byte[] output = new byte[outputLength];
        System.arraycopy(state, 0, output, 0, outputLength);
        return output;
    }
}
