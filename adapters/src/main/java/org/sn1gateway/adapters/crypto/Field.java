package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Arithmetic mod p = 2^255 - 19 on BouncyCastle's constant-time X25519Field limbs, plus the few helpers
 * ristretto255 needs (sign, constant-time select and equality, SQRT_RATIO_M1 of RFC 9496).
 */
final class Field {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private Field() {
    }

    static int[] create() {
        return X25519Field.create();
    }

    static int[] of(BigInteger value) {
        byte[] big = value.mod(P).toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        int[] element = create();
        X25519Field.decode(little, 0, element);
        return element;
    }

    static int[] copy(int[] x) {
        return x.clone();
    }

    static int[] add(int[] x, int[] y) {
        int[] z = create();
        X25519Field.add(x, y, z);
        X25519Field.carry(z);
        return z;
    }

    static int[] sub(int[] x, int[] y) {
        int[] z = create();
        X25519Field.sub(x, y, z);
        X25519Field.carry(z);
        return z;
    }

    static int[] mul(int[] x, int[] y) {
        int[] z = create();
        X25519Field.mul(x, y, z);
        return z;
    }

    static int[] sqr(int[] x) {
        int[] z = create();
        X25519Field.sqr(x, z);
        return z;
    }

    static int[] neg(int[] x) {
        int[] z = create();
        X25519Field.negate(x, z);
        X25519Field.carry(z);
        return z;
    }

    static int[] invert(int[] x) {
        int[] z = create();
        X25519Field.inv(x, z);
        return z;
    }

    /** The canonical 32-byte little-endian encoding. */
    static byte[] encode(int[] x) {
        int[] normal = copy(x);
        X25519Field.normalize(normal);
        byte[] bytes = new byte[32];
        X25519Field.encode(normal, bytes, 0);
        return bytes;
    }

    /** 1 when the canonical encoding is odd, which RFC 9496 calls negative; constant time. */
    static int isNegative(int[] x) {
        return encode(x)[0] & 1;
    }

    /** -1 when equal, 0 otherwise; constant time. */
    static int equal(int[] x, int[] y) {
        byte[] a = encode(x);
        byte[] b = encode(y);
        int difference = 0;
        for (int i = 0; i < 32; i++) {
            difference |= (a[i] ^ b[i]) & 0xff;
        }
        return (difference - 1) >> 31;
    }

    static boolean isZero(int[] x) {
        return equal(x, create()) != 0;
    }

    /** {@code mask} -1 selects {@code ifSet}, 0 keeps {@code otherwise}; constant time. */
    static int[] select(int mask, int[] ifSet, int[] otherwise) {
        int[] z = copy(otherwise);
        X25519Field.cmov(mask, ifSet, 0, z, 0);
        return z;
    }

    static int[] abs(int[] x) {
        return select(-isNegative(x), neg(x), x);
    }

    /** x^((p-5)/8) = x^(2^252 - 3), by the usual addition chain. */
    static int[] pow22523(int[] x) {
        int[] t0 = sqr(x);
        int[] t1 = sqr(sqr(t0));
        t1 = mul(x, t1);
        t0 = mul(t0, t1);
        t0 = sqr(t0);
        t0 = mul(t1, t0);
        t1 = squareTimes(t0, 5);
        t0 = mul(t1, t0);
        t1 = squareTimes(t0, 10);
        t1 = mul(t1, t0);
        int[] t2 = squareTimes(t1, 20);
        t1 = mul(t2, t1);
        t1 = squareTimes(t1, 10);
        t0 = mul(t1, t0);
        t1 = squareTimes(t0, 50);
        t1 = mul(t1, t0);
        t2 = squareTimes(t1, 100);
        t1 = mul(t2, t1);
        t1 = squareTimes(t1, 50);
        t0 = mul(t1, t0);
        t0 = squareTimes(t0, 2);
        return mul(t0, x);
    }

    private static int[] squareTimes(int[] x, int times) {
        int[] z = create();
        X25519Field.sqr(x, times, z);
        return z;
    }

    /** RFC 9496 SQRT_RATIO_M1: (was_square, sqrt(u/v) or sqrt(i*u/v)), non-negative; constant time. */
    static Root sqrtRatioM1(int[] u, int[] v) {
        int[] v3 = mul(sqr(v), v);
        int[] v7 = mul(sqr(v3), v);
        int[] r = mul(mul(u, v3), pow22523(mul(u, v7)));
        int[] check = mul(v, sqr(r));
        int correct = equal(check, u);
        int flipped = equal(check, neg(u));
        int flippedI = equal(check, neg(mul(u, Curve.SQRT_M1)));
        r = select(flipped | flippedI, mul(Curve.SQRT_M1, r), r);
        return new Root(correct | flipped, abs(r));
    }

    /** @param wasSquare -1 when u/v was a square, 0 otherwise */
    record Root(int wasSquare, int[] root) {
    }
}
