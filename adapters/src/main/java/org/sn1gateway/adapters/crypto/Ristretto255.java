package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The ristretto255 group (RFC 9496): canonical encoding and decoding of edwards25519 points, multiplication
 * of the base point by secret scalars in constant time (a table of 64 windows of 4 bits, looked up with
 * conditional moves), and a variable-time double multiplication for verifying, which handles only public data.
 */
final class Ristretto255 {
    private static final EdwardsPoint[][] BASE_TABLE = baseTable();

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

    /** scalar·B for a secret 32-byte little-endian scalar, in constant time. */
    static EdwardsPoint multiplyBase(byte[] scalar) {
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int window = 0; window < 64; window++) {
            int nibble = (scalar[window >> 1] >> ((window & 1) << 2)) & 15;
            EdwardsPoint entry = EdwardsPoint.IDENTITY;
            for (int j = 1; j < 16; j++) {
                entry = entry.select(((nibble ^ j) - 1) >> 31, BASE_TABLE[window][j]);
            }
            sum = sum.add(entry);
        }
        return sum;
    }

    /** a·B + b·point for public scalars; variable time. */
    static EdwardsPoint multiplyVar(byte[] a, byte[] b, EdwardsPoint point) {
        EdwardsPoint[] multiples = new EdwardsPoint[16];
        multiples[0] = EdwardsPoint.IDENTITY;
        for (int j = 1; j < 16; j++) {
            multiples[j] = multiples[j - 1].add(point);
        }
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int window = 63; window >= 0; window--) {
            sum = sum.twice().twice().twice().twice();
            int nibble = (b[window >> 1] >> ((window & 1) << 2)) & 15;
            if (nibble != 0) {
                sum = sum.add(multiples[nibble]);
            }
        }
        for (int window = 0; window < 64; window++) {
            int nibble = (a[window >> 1] >> ((window & 1) << 2)) & 15;
            if (nibble != 0) {
                sum = sum.add(BASE_TABLE[window][nibble]);
            }
        }
        return sum;
    }

    private static EdwardsPoint[][] baseTable() {
        EdwardsPoint[][] table = new EdwardsPoint[64][16];
        EdwardsPoint step = EdwardsPoint.BASE;
        for (int window = 0; window < 64; window++) {
            table[window][0] = EdwardsPoint.IDENTITY;
            for (int j = 1; j < 16; j++) {
                table[window][j] = table[window][j - 1].add(step);
            }
            step = step.twice().twice().twice().twice();
        }
        return table;
    }
}
