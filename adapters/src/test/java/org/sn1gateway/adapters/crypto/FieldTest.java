package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field layer against BigInteger arithmetic mod p. */
class FieldTest {
    private static final BigInteger P = Field.P;
    private final Random random = new Random(5);

    private static BigInteger value(int[] x) {
        return GroupScalars.fromBytes(Field.encode(x));
    }

    private BigInteger randomElement() {
        return new BigInteger(255, random).mod(P);
    }

    @Test
    void agreesWithBigIntegerArithmetic() {
        for (int i = 0; i < 50; i++) {
            BigInteger a = randomElement();
            BigInteger b = randomElement();
            assertThat(value(Field.of(a))).isEqualTo(a);
            assertThat(value(Field.add(Field.of(a), Field.of(b)))).isEqualTo(a.add(b).mod(P));
            assertThat(value(Field.sub(Field.of(a), Field.of(b)))).isEqualTo(a.subtract(b).mod(P));
            assertThat(value(Field.mul(Field.of(a), Field.of(b)))).isEqualTo(a.multiply(b).mod(P));
            assertThat(value(Field.neg(Field.of(a)))).isEqualTo(a.negate().mod(P));
            assertThat(value(Field.invert(Field.of(a)))).isEqualTo(a.modInverse(P));
            BigInteger exponent = BigInteger.TWO.pow(252).subtract(BigInteger.valueOf(3));
            assertThat(value(Field.pow22523(Field.of(a)))).isEqualTo(a.modPow(exponent, P));
        }
    }

    @Test
    void absoluteValuesAreEven() {
        for (int i = 0; i < 50; i++) {
            BigInteger a = randomElement();
            assertThat(Field.isNegative(Field.of(a))).as("isNegative %s", a).isEqualTo(a.testBit(0) ? 1 : 0);
            BigInteger abs = value(Field.abs(Field.of(a)));
            assertThat(abs).isEqualTo(a.testBit(0) ? P.subtract(a) : a);
        }
    }

    @Test
    void takesSquareRootsOfRatios() {
        for (int i = 0; i < 50; i++) {
            BigInteger u = randomElement();
            BigInteger v = randomElement();
            Field.Root root = Field.sqrtRatioM1(Field.of(u), Field.of(v));
            BigInteger r = value(root.root());
            BigInteger ratio = u.multiply(v.modInverse(P)).mod(P);
            boolean square = ratio.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
            assertThat(root.wasSquare() != 0).isEqualTo(square);
            BigInteger expected = square ? ratio : ratio.multiply(value(Curve.SQRT_M1)).mod(P);
            assertThat(r.multiply(r).mod(P)).isEqualTo(expected);
            assertThat(r.testBit(0)).isFalse();
        }
    }

    @Test
    void theBasePointIsOnTheCurve() {
        BigInteger x = value(Curve.BASE_X);
        BigInteger y = value(Curve.BASE_Y);
        BigInteger d = Curve.D_VALUE;
        BigInteger left = y.multiply(y).subtract(x.multiply(x)).mod(P);
        BigInteger right = BigInteger.ONE.add(d.multiply(x).multiply(x).multiply(y).multiply(y)).mod(P);
        assertThat(left).isEqualTo(right);
    }
}
