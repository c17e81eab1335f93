package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The ristretto255 group (RFC 9496): canonical encoding and decoding of edwards25519 points, multiplication
 * of the base point by secret scalars in constant time ({@link BaseWindows}), and a variable-time double
 * multiplication for verifying, which handles only public data ({@link PointTables}).
 */
final class Ristretto255 {
    private static final PointTables BASE_TABLES = PointTables.of(EdwardsPoint.BASE, 64);

    private Ristretto255() {
    }

    static byte[] encode(EdwardsPoint point) {
        int[] u1 = Field.mul(Field.add(point.z(), point.y()), Field.sub(point.z(), point.y()));
        int[] u2 = Field.mul(point.x(), point.y());
        int[] invsqrt = Field.sqrtRatioM1(Curve.ONE, Field.mul(u1, Field.sqr(u2))).root();
        int[] den1 = Field.mul(invsqrt, u1);
        int[] den2 = Field.mul(invsqrt, u2);
        int[] zInv = Field.mul(Field.mul(den1, den2), point.t());
        int rotate = -Field.isNegative(Field.mul(point.t(), zInv));
        int[] x = Field.select(rotate, Field.mul(point.y(), Curve.SQRT_M1), point.x());
        int[] y = Field.select(rotate, Field.mul(point.x(), Curve.SQRT_M1), point.y());
        int[] denInv = Field.select(rotate, Field.mul(den1, Curve.INVSQRT_A_MINUS_D), den2);
        y = Field.select(-Field.isNegative(Field.mul(x, zInv)), Field.neg(y), y);
        return Field.encode(Field.abs(Field.mul(denInv, Field.sub(point.z(), y))));
    }

    /** The point an encoding stands for, or empty when it is not a valid canonical encoding. */
    static Optional<EdwardsPoint> decode(byte[] encoding) {
        if (encoding.length != 32 || (encoding[0] & 1) == 1 || !isCanonical(encoding)) {
            return Optional.empty();
        }
        int[] s = Field.create();
        X25519Field.decode(encoding, 0, s);
        int[] ss = Field.sqr(s);
        int[] u1 = Field.sub(Curve.ONE, ss);
        int[] u2 = Field.add(Curve.ONE, ss);
        int[] u2Squared = Field.sqr(u2);
        int[] v = Field.sub(Field.neg(Field.mul(Curve.D, Field.sqr(u1))), u2Squared);
        Field.Root root = Field.sqrtRatioM1(Curve.ONE, Field.mul(v, u2Squared));
        int[] denX = Field.mul(root.root(), u2);
        int[] denY = Field.mul(Field.mul(root.root(), denX), v);
        int[] x = Field.abs(Field.mul(Field.add(s, s), denX));
        int[] y = Field.mul(u1, denY);
        int[] t = Field.mul(x, y);
        if (root.wasSquare() == 0 || Field.isNegative(t) == 1 || Field.isZero(y)) {
            return Optional.empty();
        }
        return Optional.of(new EdwardsPoint(x, y, Curve.ONE, t));
    }

    private static boolean isCanonical(byte[] encoding) {
        byte[] bigEndian = new byte[33];
        for (int i = 0; i < 32; i++) {
            bigEndian[32 - i] = encoding[i];
        }
        return new BigInteger(bigEndian).compareTo(Field.P) < 0;
    }

    /** scalar·B for a secret 32-byte little-endian scalar below 2^255, in constant time. */
    static EdwardsPoint multiplyBase(byte[] scalar) {
        return BaseWindows.multiply(scalar);
    }

    /**
     * a·B + b·P for public scalars below 2^255, P given by its tables; variable time. Both scalars in
     * width-w non-adjacent form, cut into parts that share one chain of 32 doublings (see
     * {@link PointTables}): b with the odd multiples up to 15·P_j, a with those up to 127·B_j.
     */
    static EdwardsPoint multiplyVar(byte[] a, byte[] b, PointTables point) {
        byte[] baseDigits = nonAdjacentForm(a, 8);
        byte[] pointDigits = nonAdjacentForm(b, 5);
        CompletedPoint sum = new CompletedPoint();
        NielsPoint entry = NielsPoint.identityBuffer();
        for (int step = PointTables.PART_DIGITS - 1; step >= 0; step--) {
            sum.twice();
            for (int part = 0; part < PointTables.PARTS; part++) {
                int position = part * PointTables.PART_DIGITS + step;
                addMultiple(sum, point, part, pointDigits[position], entry);
                addMultiple(sum, BASE_TABLES, part, baseDigits[position], entry);
            }
        }
        return sum.toPoint();
    }

    private static void addMultiple(CompletedPoint sum, PointTables tables, int part, int digit, NielsPoint entry) {
        if (digit != 0) {
            sum.add(tables.multiple(part, digit, entry), digit < 0);
        }
    }

    /**
     * The width-w NAF of a scalar below 2^255: digits odd or zero, below 2^(w-1) in magnitude, any w
     * consecutive ones holding at most one non-zero digit.
     */
    static byte[] nonAdjacentForm(byte[] scalar, int width) {
        if ((scalar[31] & 0x80) != 0) {
            throw new IllegalArgumentException("a scalar must be below 2^255");
        }
        long[] words = new long[5];
        for (int i = 0; i < 32; i++) {
            words[i >> 3] |= (scalar[i] & 0xffL) << ((i & 7) << 3);
        }
        byte[] digits = new byte[256];
        int windowSize = 1 << width;
        long mask = windowSize - 1;
        int carry = 0;
        int position = 0;
        while (position < 256) {
            int word = position >> 6;
            int bit = position & 63;
            long bits = bit < 64 - width ? words[word] >>> bit
                    : (words[word] >>> bit) | (words[word + 1] << (64 - bit));
            int window = carry + (int) (bits & mask);
            if ((window & 1) == 0) {
                position++;
                continue;
            }
            if (window < windowSize / 2) {
                carry = 0;
                digits[position] = (byte) window;
            } else {
                carry = 1;
                digits[position] = (byte) (window - windowSize);
            }
            position += width;
        }
        return digits;
    }
}
