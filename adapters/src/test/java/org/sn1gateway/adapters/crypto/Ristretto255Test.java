package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ristretto255Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesTheBasePointAsRfc9496Says() {
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.BASE)))
                .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.IDENTITY))).isEqualTo("00".repeat(32));
    }

    @Test
    void multipliesTheBasePointConsistentlyAndRoundTripsEncodings() {
        byte[] three = new byte[32];
        three[0] = 3;
        EdwardsPoint byTable = Ristretto255.multiplyBase(three);
        EdwardsPoint byAddition = EdwardsPoint.BASE.add(EdwardsPoint.BASE).add(EdwardsPoint.BASE);

        assertThat(Ristretto255.encode(byTable)).isEqualTo(Ristretto255.encode(byAddition));
        assertThat(Ristretto255.encode(Ristretto255.decode(Ristretto255.encode(byTable)).orElseThrow()))
                .isEqualTo(Ristretto255.encode(byTable));
        // RFC 9496 Appendix A.1: the encoding of 2·B.
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.BASE.twice())))
                .isEqualTo("6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919");
    }

    @Test
    void refusesNonCanonicalAndNegativeEncodings() {
        assertThat(Ristretto255.decode(HEX.parseHex("01" + "00".repeat(31)))).isEmpty();
        assertThat(Ristretto255.decode(HEX.parseHex("ff".repeat(31) + "7f"))).isEmpty();
        assertThat(Ristretto255.decode(HEX.parseHex("ed" + "ff".repeat(30) + "7f"))).isEmpty();
    }

    @Test
    void multipliesTheBasePointByAnyScalarAsPlainDoubleAndAdd() {
        Random random = new Random(7);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(8),
                BigInteger.valueOf(9), BigInteger.TWO.pow(255).subtract(BigInteger.ONE), GroupScalars.L.subtract(BigInteger.ONE)));
        for (int i = 0; i < 20; i++) {
            scalars.add(new BigInteger(255, random));
        }
        for (BigInteger scalar : scalars) {
            assertThat(Ristretto255.encode(Ristretto255.multiplyBase(bytes(scalar))))
                    .as("%s·B", scalar).isEqualTo(Ristretto255.encode(doubleAndAdd(scalar, EdwardsPoint.BASE)));
        }
        assertThatThrownBy(() -> Ristretto255.multiplyBase(bytes(BigInteger.TWO.pow(255))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doubleMultipliesAsPlainDoubleAndAdd() {
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            BigInteger a = new BigInteger(253, random);
            BigInteger b = i == 0 ? BigInteger.ZERO : new BigInteger(253, random);
            EdwardsPoint point = doubleAndAdd(new BigInteger(253, random), EdwardsPoint.BASE);
            EdwardsPoint expected = doubleAndAdd(a, EdwardsPoint.BASE).add(doubleAndAdd(b, point));

            assertThat(Ristretto255.encode(Ristretto255.multiplyVar(bytes(a), bytes(b), point)))
                    .as("%s·B + %s·P", a, b).isEqualTo(Ristretto255.encode(expected));
        }
    }

    @Test
    void writesScalarsInNonAdjacentForm() {
        Random random = new Random(13);
        for (int width : new int[] {5, 8}) {
            for (int i = 0; i < 50; i++) {
                BigInteger scalar = i == 0 ? BigInteger.TWO.pow(255).subtract(BigInteger.ONE) : new BigInteger(255, random);
                byte[] digits = Ristretto255.nonAdjacentForm(bytes(scalar), width);

                BigInteger sum = BigInteger.ZERO;
                int lastNonZero = -width;
                for (int position = 0; position < digits.length; position++) {
                    int digit = digits[position];
                    if (digit != 0) {
                        assertThat(digit & 1).as("odd").isEqualTo(1);
                        assertThat(Math.abs(digit)).isLessThan(1 << (width - 1));
                        assertThat(position - lastNonZero).as("non-adjacent").isGreaterThanOrEqualTo(width);
                        lastNonZero = position;
                    }
                    sum = sum.add(BigInteger.valueOf(digit).shiftLeft(position));
                }
                assertThat(sum).isEqualTo(scalar);
            }
        }
    }

    private static EdwardsPoint doubleAndAdd(BigInteger scalar, EdwardsPoint point) {
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
            sum = sum.twice();
            if (scalar.testBit(bit)) {
                sum = sum.add(point);
            }
        }
        return sum;
    }

    private static byte[] bytes(BigInteger scalar) {
        byte[] little = new byte[32];
        byte[] big = scalar.toByteArray();
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
