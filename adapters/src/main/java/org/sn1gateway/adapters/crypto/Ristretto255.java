package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The ristretto255 group (RFC 9496): canonical encoding and decoding of edwards25519 points, multiplication
 * of the base point by secret scalars in constant time (signed 4-bit digits, looked up in 64 fixed windows
 * with conditional moves), and a variable-time double multiplication in non-adjacent form for verifying,
 * which handles only public data.
 */
final class Ristretto255 {
    private static final NielsPoint[][] BASE_WINDOWS = baseWindows();
    private static final NielsPoint[] BASE_ODD_MULTIPLES = oddMultiples(EdwardsPoint.BASE, 64, NielsPoint::affine);

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

    /**
     * scalar·B for a secret 32-byte little-endian scalar below 2^255, in constant time: 64 signed digits
     * in -8..8, each looked up in its window's table of 1·16^i·B .. 8·16^i·B by conditional moves over
     * every entry, negated by a conditional swap, then added.
     */
    static EdwardsPoint multiplyBase(byte[] scalar) {
        if ((scalar[31] & 0x80) != 0) {
            throw new IllegalArgumentException("a scalar for the base point must be below 2^255");
        }
        byte[] digits = signedRadix16(scalar);
        CompletedPoint sum = new CompletedPoint();
        NielsPoint entry = NielsPoint.identityBuffer();
        for (int window = 0; window < 64; window++) {
            select(entry, BASE_WINDOWS[window], digits[window]);
            sum.add(entry, false);
        }
        return sum.toPoint();
    }

    /** Digits e_i in -8..8 with scalar = sum e_i·16^i, computed without branches on the scalar. */
    private static byte[] signedRadix16(byte[] scalar) {
        byte[] digits = new byte[64];
        for (int i = 0; i < 32; i++) {
            digits[2 * i] = (byte) (scalar[i] & 15);
            digits[2 * i + 1] = (byte) ((scalar[i] >> 4) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            digits[i] += (byte) carry;
            carry = (digits[i] + 8) >> 4;
            digits[i] -= (byte) (carry << 4);
        }
        digits[63] += (byte) carry;
        return digits;
    }

    /** entry = digit·(the window's base), reading every table entry whatever the digit. */
    private static void select(NielsPoint entry, NielsPoint[] table, byte digit) {
        int negative = (digit >> 7) & 1;
        int magnitude = (digit ^ -negative) + negative;
        X25519Field.one(entry.yPlusX());
        X25519Field.one(entry.yMinusX());
        X25519Field.zero(entry.t2d());
        for (int j = 1; j <= 8; j++) {
            int mask = ((magnitude ^ j) - 1) >> 31;
            NielsPoint candidate = table[j - 1];
            X25519Field.cmov(mask, candidate.yPlusX(), 0, entry.yPlusX(), 0);
            X25519Field.cmov(mask, candidate.yMinusX(), 0, entry.yMinusX(), 0);
            X25519Field.cmov(mask, candidate.t2d(), 0, entry.t2d(), 0);
        }
        X25519Field.cswap(negative, entry.yPlusX(), entry.yMinusX());
        X25519Field.cnegate(negative, entry.t2d());
    }

    /**
     * a·B + b·point for public scalars below 2^255; variable time. Both scalars in width-w non-adjacent
     * form share one chain of doublings: b·point with the odd multiples up to 15·point, a·B with a fixed
     * table of the odd multiples up to 127·B.
     */
    static EdwardsPoint multiplyVar(byte[] a, byte[] b, EdwardsPoint point) {
        byte[] baseDigits = nonAdjacentForm(a, 8);
        byte[] pointDigits = nonAdjacentForm(b, 5);
        NielsPoint[] pointMultiples = oddMultiples(point, 8, NielsPoint::of);
        int i = 255;
        while (i >= 0 && baseDigits[i] == 0 && pointDigits[i] == 0) {
            i--;
        }
        CompletedPoint sum = new CompletedPoint();
        for (; i >= 0; i--) {
            sum.twice();
            if (pointDigits[i] != 0) {
                sum.add(pointMultiples[Math.abs(pointDigits[i]) >> 1], pointDigits[i] < 0);
            }
            if (baseDigits[i] != 0) {
                sum.add(BASE_ODD_MULTIPLES[Math.abs(baseDigits[i]) >> 1], baseDigits[i] < 0);
            }
        }
        return sum.toPoint();
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

    /** point, 3·point, 5·point, ...: {@code count} odd multiples, each prepared by {@code form}. */
    private static NielsPoint[] oddMultiples(EdwardsPoint point, int count, Function<EdwardsPoint, NielsPoint> form) {
        NielsPoint[] multiples = new NielsPoint[count];
        EdwardsPoint twice = point.twice();
        EdwardsPoint multiple = point;
        for (int j = 0; j < count; j++) {
            multiples[j] = form.apply(multiple);
            multiple = multiple.add(twice);
        }
        return multiples;
    }

    /** 1·16^i·B .. 8·16^i·B for each of the 64 windows, affine (computed once, from public values). */
    private static NielsPoint[][] baseWindows() {
        NielsPoint[][] windows = new NielsPoint[64][8];
        EdwardsPoint step = EdwardsPoint.BASE;
        for (int window = 0; window < 64; window++) {
            EdwardsPoint multiple = step;
            for (int j = 0; j < 8; j++) {
                windows[window][j] = NielsPoint.affine(multiple);
                multiple = multiple.add(step);
            }
            step = step.twice().twice().twice().twice();
        }
        return windows;
    }
}
