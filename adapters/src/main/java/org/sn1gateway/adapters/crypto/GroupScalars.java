package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;

/**
 * Scalars modulo the group order l, as little-endian byte arrays. The secret key and nonces pass through
 * here, so the arithmetic is constant time: 32-bit limbs, loops of fixed length, Barrett reduction (HAC
 * 14.42) finished by two subtractions selected by mask, never by a branch.
 */
final class GroupScalars {
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final int[] L_LIMBS = limbs(toBytes(L, 36), 9);
    /** floor(2^512 / l), the Barrett constant (public). */
    private static final int[] MU = limbs(toBytes(BigInteger.TWO.pow(512).divide(L), 36), 9);
    private static final long MASK = 0xffffffffL;

    private GroupScalars() {
    }

    /** A 64-byte little-endian integer reduced mod l, as 32 bytes. */
    static byte[] reduceWide(byte[] wide) {
        return bytes(reduce(limbs(wide, 16)));
    }

    /** (a·b + c) mod l for 32-byte scalars. */
    static byte[] multiplyAdd(byte[] a, byte[] b, byte[] c) {
        int[] product = multiply(limbs(a, 8), limbs(b, 8), 16);
        int[] addend = limbs(c, 8);
        long carry = 0;
        for (int i = 0; i < 16; i++) {
            carry += (product[i] & MASK) + (i < 8 ? addend[i] & MASK : 0);
            product[i] = (int) carry;
            carry >>>= 32;
        }
        return bytes(reduce(product));
    }

    /** Whether a 32-byte scalar is below l; constant time. */
    static boolean isCanonical(byte[] scalar) {
        return borrowOf(limbs(scalar, 9), L_LIMBS) == 1;
    }

    private static int[] reduce(int[] x) {
        int[] q1 = new int[9];
        System.arraycopy(x, 7, q1, 0, 9);
        int[] q2 = multiply(q1, MU, 18);
        int[] q3 = new int[9];
        System.arraycopy(q2, 9, q3, 0, 9);
        int[] r = new int[9];
        System.arraycopy(x, 0, r, 0, 9);
        subtractInPlace(r, multiply(q3, L_LIMBS, 9));
        conditionalSubtractL(r);
        conditionalSubtractL(r);
        return r;
    }

    /** The low {@code length} limbs of a·b. */
    private static int[] multiply(int[] a, int[] b, int length) {
        long[] wide = new long[length + 1];
        int[] result = new int[length];
        for (int i = 0; i < a.length; i++) {
            long carry = 0;
            for (int j = 0; j < b.length && i + j < length; j++) {
                long t = (a[i] & MASK) * (b[j] & MASK) + (wide[i + j] & MASK) + carry;
                wide[i + j] = t & MASK;
                carry = t >>> 32;
            }
            if (i + b.length < length) {
                wide[i + b.length] = carry;
            }
        }
        for (int i = 0; i < length; i++) {
            result[i] = (int) wide[i];
        }
        return result;
    }

    private static void subtractInPlace(int[] r, int[] s) {
        long borrow = 0;
        for (int i = 0; i < r.length; i++) {
            long t = (r[i] & MASK) - (s[i] & MASK) - borrow;
            r[i] = (int) t;
            borrow = (t >>> 63);
        }
    }

    /** r -= l when r ≥ l, chosen by mask. */
    private static void conditionalSubtractL(int[] r) {
        int[] t = r.clone();
        int keep = borrowOf(t, L_LIMBS) - 1; // no borrow: r ≥ l, take t (mask -1); borrow: keep r (mask 0)
        subtractInPlace(t, L_LIMBS);
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] & ~keep) | (t[i] & keep);
        }
    }

    /** 1 when a < b, 0 otherwise; constant time. */
    private static int borrowOf(int[] a, int[] b) {
        long borrow = 0;
        for (int i = 0; i < a.length; i++) {
            long t = (a[i] & MASK) - (b[i] & MASK) - borrow;
            borrow = t >>> 63;
        }
        return (int) borrow;
    }

    private static int[] limbs(byte[] littleEndian, int count) {
        int[] limbs = new int[count];
        for (int i = 0; i < littleEndian.length; i++) {
            limbs[i >> 2] |= (littleEndian[i] & 0xff) << ((i & 3) << 3);
        }
        return limbs;
    }

    private static byte[] bytes(int[] limbs) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) (limbs[i >> 2] >>> ((i & 3) << 3));
        }
        return bytes;
    }

    static BigInteger fromBytes(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length + 1];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[littleEndian.length - i] = littleEndian[i];
        }
        return new BigInteger(bigEndian);
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] big = value.toByteArray();
        byte[] little = new byte[length];
        for (int i = 0; i < Math.min(length, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
