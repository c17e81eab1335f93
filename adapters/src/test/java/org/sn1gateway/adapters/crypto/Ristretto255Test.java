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
        for (BigInteger scalar : scalars(new Random(7), 255, 200)) {
            assertThat(Ristretto255.encode(Ristretto255.multiplyBase(Naive.bytes(scalar))))
                    .as("%s·B", scalar).isEqualTo(Ristretto255.encode(Naive.multiply(scalar, EdwardsPoint.BASE)));
        }
        assertThatThrownBy(() -> Ristretto255.multiplyBase(Naive.bytes(BigInteger.TWO.pow(255))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesScalarsInSignedDigitsOfTheWindowWidth() {
        int half = 1 << (BaseWindows.WIDTH - 1);
        for (BigInteger scalar : scalars(new Random(17), 255, 200)) {
            int[] digits = BaseWindows.signedDigits(Naive.bytes(scalar));

            BigInteger sum = BigInteger.ZERO;
            for (int window = 0; window < digits.length; window++) {
                assertThat(digits[window]).isBetween(-half, half);
                sum = sum.add(BigInteger.valueOf(digits[window]).shiftLeft(BaseWindows.WIDTH * window));
            }
            assertThat(sum).as("digits of %s", scalar).isEqualTo(scalar);
        }
    }

    @Test
    void doubleMultipliesWithPointTablesAsPlainDoubleAndAdd() {
        Random random = new Random(11);
        List<BigInteger> scalars = scalars(random, 253, 60);
        for (int i = 0; i < scalars.size(); i++) {
            BigInteger a = scalars.get(i);
            BigInteger b = scalars.get(scalars.size() - 1 - i);
            EdwardsPoint point = Naive.multiply(new BigInteger(253, random), EdwardsPoint.BASE);
            EdwardsPoint expected = Naive.multiply(a, EdwardsPoint.BASE).add(Naive.multiply(b, point));

            assertThat(Ristretto255.encode(Ristretto255.multiplyVar(Naive.bytes(a), Naive.bytes(b),
                    PointTables.of(point, 8)))).as("%s·B + %s·P", a, b).isEqualTo(Ristretto255.encode(expected));
        }
    }

    @Test
    void sharesOneInversionAmongTableEntriesWithTheSameResultAsOneEach() {
        Random random = new Random(19);
        EdwardsPoint[] points = new EdwardsPoint[9];
        for (int i = 0; i < points.length; i++) {
            points[i] = Naive.multiply(new BigInteger(253, random), EdwardsPoint.BASE).twice(); // Z != 1
        }
        NielsPoint[] shared = NielsPoint.affine(points);
        for (int i = 0; i < points.length; i++) {
            NielsPoint alone = NielsPoint.affine(points[i]);
            assertThat(Field.encode(shared[i].yPlusX())).isEqualTo(Field.encode(alone.yPlusX()));
            assertThat(Field.encode(shared[i].yMinusX())).isEqualTo(Field.encode(alone.yMinusX()));
            assertThat(Field.encode(shared[i].t2d())).isEqualTo(Field.encode(alone.t2d()));
        }
    }

    @Test
    void writesScalarsInNonAdjacentForm() {
        Random random = new Random(13);
        for (int width : new int[] {5, 8}) {
            for (int i = 0; i < 50; i++) {
                BigInteger scalar = i == 0 ? BigInteger.TWO.pow(255).subtract(BigInteger.ONE) : new BigInteger(255, random);
                byte[] digits = Ristretto255.nonAdjacentForm(Naive.bytes(scalar), width);

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

    /**
     * Edge scalars (zero, one, the top of the range and of the group, every power of two at a window or
     * part boundary and one below it), then {@code count} random ones of {@code bits} bits.
     */
    private static List<BigInteger> scalars(Random random, int bits, int count) {
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(8),
                BigInteger.valueOf(9), BigInteger.TWO.pow(bits).subtract(BigInteger.ONE),
                GroupScalars.L.subtract(BigInteger.ONE)));
        for (int power = 4; power < bits; power += 4) {
            scalars.add(BigInteger.TWO.pow(power));
            scalars.add(BigInteger.TWO.pow(power).subtract(BigInteger.ONE));
        }
        for (int i = 0; i < count; i++) {
            scalars.add(new BigInteger(bits, random));
        }
        return scalars;
    }
}
