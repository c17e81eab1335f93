package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;

/**
 * The constants of edwards25519 and ristretto255, derived at class load from their definitions (public
 * values; {@code RistrettoTest} checks the base point's encoding against RFC 9496).
 */
final class Curve {
    private static final BigInteger P = Field.P;
    static final BigInteger D_VALUE = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1_VALUE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    static final int[] D = Field.of(D_VALUE);
    static final int[] D2 = Field.of(D_VALUE.shiftLeft(1));
    static final int[] SQRT_M1 = Field.of(SQRT_M1_VALUE);
    static final int[] ONE = Field.of(BigInteger.ONE);
    /** 1/sqrt(a - d) with a = -1, the non-negative root (RFC 9496 §4.1). */
    static final int[] INVSQRT_A_MINUS_D = Field.of(nonNegative(sqrt(BigInteger.ONE.negate().subtract(D_VALUE)).modInverse(P)));
    /** The base point: y = 4/5, x non-negative. */
    static final int[] BASE_Y = Field.of(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
    static final int[] BASE_X = Field.of(baseX());

    private Curve() {
    }

    private static BigInteger baseX() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D_VALUE.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = sqrt(x2);
        return x.testBit(0) ? P.subtract(x) : x;
    }

    private static BigInteger sqrt(BigInteger a) {
        BigInteger value = a.mod(P);
        BigInteger root = value.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!root.multiply(root).mod(P).equals(value)) {
            root = root.multiply(SQRT_M1_VALUE).mod(P);
        }
        if (!root.multiply(root).mod(P).equals(value)) {
            throw new IllegalStateException("not a square: a curve constant is wrong");
        }
        return root;
    }

    private static BigInteger nonNegative(BigInteger x) {
        return x.testBit(0) ? P.subtract(x) : x;
    }
}
