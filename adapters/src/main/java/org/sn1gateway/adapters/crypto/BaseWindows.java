package org.sn1gateway.adapters.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The base point times secret scalars (signing nonces, secret keys), in constant time. The scalar is
 * written in signed digits of {@value #WIDTH} bits, scalar = Σ e_i·2^(w·i) with e_i in [-2^(w-1), 2^(w-1)],
 * and every window i has a table of 1·B_i .. 2^(w-1)·B_i for B_i = 2^(w·i)·B. So scalar·B = Σ e_i·B_i
 * takes one addition per window and no doubling at all. Each digit's entry is read by conditional moves
 * over its whole table and negated by a conditional swap: which memory is read and which instructions
 * run never depend on the scalar.
 */
final class BaseWindows {
    static final int WIDTH = 4;
    private static final int ENTRIES = 1 << (WIDTH - 1);
    /** Enough windows for 255 bits plus the carry out of the top digit. */
    private static final int WINDOWS = 255 / WIDTH + 1;
    private static final NielsPoint[][] TABLES = tables();

    private BaseWindows() {
    }

    /** scalar·B for a 32-byte little-endian scalar below 2^255. */
    static EdwardsPoint multiply(byte[] scalar) {
        if ((scalar[31] & 0x80) != 0) {
            throw new IllegalArgumentException("a scalar for the base point must be below 2^255");
        }
        int[] digits = signedDigits(scalar);
        CompletedPoint sum = new CompletedPoint();
        NielsPoint entry = NielsPoint.identityBuffer();
        for (int window = 0; window < WINDOWS; window++) {
            select(entry, TABLES[window], digits[window]);
            sum.add(entry, false);
        }
        return sum.toPoint();
    }

    /**
     * The signed digits, without branches on the scalar: first the plain w-bit digits (0 .. 2^w - 1),
     * then from the bottom up every digit above 2^(w-1) - 1 gives 2^w to the next one.
     */
    static int[] signedDigits(byte[] scalar) {
        long[] words = new long[5];
        for (int i = 0; i < 32; i++) {
            words[i >> 3] |= (scalar[i] & 0xffL) << ((i & 7) << 3);
        }
        int[] digits = new int[WINDOWS];
        for (int window = 0; window < WINDOWS; window++) {
            int bit = window * WIDTH;
            long bits = (words[bit >> 6] >>> (bit & 63)) | (words[(bit >> 6) + 1] << 1 << (63 - (bit & 63)));
            digits[window] = (int) (bits & ((1 << WIDTH) - 1));
        }
        int carry = 0;
        for (int window = 0; window < WINDOWS - 1; window++) {
            digits[window] += carry;
            carry = (digits[window] + ENTRIES) >> WIDTH;
            digits[window] -= carry << WIDTH;
        }
        digits[WINDOWS - 1] += carry;
        return digits;
    }

    /** entry = digit·(the window's point), reading every table entry whatever the digit. */
    private static void select(NielsPoint entry, NielsPoint[] table, int digit) {
        int negative = digit >>> 31;
        int magnitude = (digit ^ -negative) + negative;
        X25519Field.one(entry.yPlusX());
        X25519Field.one(entry.yMinusX());
        X25519Field.zero(entry.t2d());
        for (int j = 1; j <= ENTRIES; j++) {
            int mask = ((magnitude ^ j) - 1) >> 31;
            NielsPoint candidate = table[j - 1];
            X25519Field.cmov(mask, candidate.yPlusX(), 0, entry.yPlusX(), 0);
            X25519Field.cmov(mask, candidate.yMinusX(), 0, entry.yMinusX(), 0);
            X25519Field.cmov(mask, candidate.t2d(), 0, entry.t2d(), 0);
        }
        X25519Field.cswap(negative, entry.yPlusX(), entry.yMinusX());
        X25519Field.cnegate(negative, entry.t2d());
    }

    /** 1·B_i .. 2^(w-1)·B_i for every window, affine, with one inversion for them all (public values). */
    private static NielsPoint[][] tables() {
        EdwardsPoint[] points = new EdwardsPoint[WINDOWS * ENTRIES];
        EdwardsPoint windowBase = EdwardsPoint.BASE;
        for (int window = 0; window < WINDOWS; window++) {
            EdwardsPoint multiple = windowBase;
            for (int j = 0; j < ENTRIES; j++) {
                points[window * ENTRIES + j] = multiple;
                multiple = multiple.add(windowBase);
            }
            for (int i = 0; i < WIDTH; i++) {
                windowBase = windowBase.twice();
            }
        }
        NielsPoint[] affine = NielsPoint.affine(points);
        NielsPoint[][] tables = new NielsPoint[WINDOWS][ENTRIES];
        for (int window = 0; window < WINDOWS; window++) {
            System.arraycopy(affine, window * ENTRIES, tables[window], 0, ENTRIES);
        }
        return tables;
    }
}
