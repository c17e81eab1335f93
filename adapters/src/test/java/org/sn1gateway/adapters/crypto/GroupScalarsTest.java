package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The constant-time scalar arithmetic against BigInteger, on random and edge values. */
class GroupScalarsTest {
    private static final BigInteger L = GroupScalars.L;
    private final Random random = new Random(11);

    private static byte[] bytes(BigInteger value, int length) {
        byte[] little = new byte[length];
        byte[] big = value.toByteArray();
        for (int i = 0; i < Math.min(length, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }

    @Test
    void reducesWideValuesAsBigIntegerDoes() {
        BigInteger max = BigInteger.TWO.pow(512).subtract(BigInteger.ONE);
        for (BigInteger x : new BigInteger[] {BigInteger.ZERO, L.subtract(BigInteger.ONE), L, L.multiply(L), max}) {
            assertThat(GroupScalars.fromBytes(GroupScalars.reduceWide(bytes(x, 64)))).isEqualTo(x.mod(L));
        }
        for (int i = 0; i < 2_000; i++) {
            BigInteger x = new BigInteger(512, random);
            assertThat(GroupScalars.fromBytes(GroupScalars.reduceWide(bytes(x, 64)))).isEqualTo(x.mod(L));
        }
    }

    @Test
    void multipliesAndAddsModuloTheOrder() {
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = new BigInteger(256, random);
            BigInteger b = new BigInteger(253, random).mod(L);
            BigInteger c = new BigInteger(253, random).mod(L);
            assertThat(GroupScalars.fromBytes(GroupScalars.multiplyAdd(bytes(a, 32), bytes(b, 32), bytes(c, 32))))
                    .isEqualTo(a.multiply(b).add(c).mod(L));
        }
    }

    @Test
    void knowsWhichScalarsAreCanonical() {
        assertThat(GroupScalars.isCanonical(bytes(L.subtract(BigInteger.ONE), 32))).isTrue();
        assertThat(GroupScalars.isCanonical(bytes(L, 32))).isFalse();
        assertThat(GroupScalars.isCanonical(bytes(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), 32))).isFalse();
        assertThat(GroupScalars.isCanonical(new byte[32])).isTrue();
    }
}
