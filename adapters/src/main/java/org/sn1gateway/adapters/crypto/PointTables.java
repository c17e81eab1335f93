package org.sn1gateway.adapters.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Precomputed multiples of one public point P, for variable-time multiplication with an eighth of the
 * doublings. A 256-digit scalar is cut into {@value #PARTS} parts of {@value #PART_DIGITS} digits,
 * s = s_0 + s_1·2^32 + ... + s_7·2^224, and s·P = Σ s_j·P_j with P_j = 2^(32·j)·P: with the odd
 * multiples of every P_j in a table, the parts share one chain of 32 doublings, where the whole scalar
 * needs 256. The additions stay as many as before. So this pays wherever the tables are reused: the base
 * point's (built once) and those of signers that recur ({@link VerifyingKeys}). Eight parts measured
 * about a fifth faster than four in verification, for twice the memory (7.7 KB a key with 8 odd
 * multiples). Public data only. Entries are affine (Z = 1), which saves a multiplication per addition.
 */
final class PointTables {
    static final int PARTS = 8;
    static final int PART_DIGITS = 256 / PARTS;

    /** The three field elements of a {@link NielsPoint}. */
    private static final int ENTRY_INTS = 3 * X25519Field.SIZE;

    private final int count;
    /**
     * (2i + 1)·P_j from index (j·count + i)·ENTRY_INTS on: y+x, y-x, 2d·xy. One flat array rather than
     * a few hundred small ones: a signer's tables take 7.7 KB instead of 13, and the garbage collector
     * copies one object per signer instead of some 260. Cached tables live through about a thousand
     * verifications, so young collections copy them: with 2,048 signers cycling through the cache, the
     * small arrays took 1.1 s of collections in 9 s and the flat array 0.06-0.2 s.
     */
    private final int[] entries;

    private PointTables(int count, int[] entries) {
        this.count = count;
        this.entries = entries;
    }

    /**
     * Tables of the odd multiples 1·P_j, 3·P_j, ..., (2·count - 1)·P_j, enough for non-adjacent forms of
     * width log2(count) + 2. Costs 224 doublings, count additions a part and one shared inversion.
     */
    static PointTables of(EdwardsPoint point, int count) {
        EdwardsPoint[] all = new EdwardsPoint[PARTS * count];
        EdwardsPoint part = point;
        for (int j = 0; j < PARTS; j++) {
            if (j > 0) {
                part = timesPowerOfTwo(part, PART_DIGITS);
            }
            EdwardsPoint twice = part.twice();
            EdwardsPoint multiple = part;
            for (int i = 0; i < count; i++) {
                all[j * count + i] = multiple;
                multiple = multiple.add(twice);
            }
        }
        NielsPoint[] affine = NielsPoint.affine(all);
        int[] entries = new int[affine.length * ENTRY_INTS];
        for (int i = 0; i < affine.length; i++) {
            X25519Field.copy(affine[i].yPlusX(), 0, entries, i * ENTRY_INTS);
            X25519Field.copy(affine[i].yMinusX(), 0, entries, i * ENTRY_INTS + X25519Field.SIZE);
            X25519Field.copy(affine[i].t2d(), 0, entries, i * ENTRY_INTS + 2 * X25519Field.SIZE);
        }
        return new PointTables(count, entries);
    }

    /**
     * Copies |digit|·P_part, for an odd digit, into {@code buffer} and returns it; the caller subtracts
     * it when the digit is negative.
     */
    NielsPoint multiple(int part, int digit, NielsPoint buffer) {
        int offset = (part * count + (Math.abs(digit) >> 1)) * ENTRY_INTS;
        X25519Field.copy(entries, offset, buffer.yPlusX(), 0);
        X25519Field.copy(entries, offset + X25519Field.SIZE, buffer.yMinusX(), 0);
        X25519Field.copy(entries, offset + 2 * X25519Field.SIZE, buffer.t2d(), 0);
        return buffer;
    }

    private static EdwardsPoint timesPowerOfTwo(EdwardsPoint point, int doublings) {
        CompletedPoint sum = new CompletedPoint(point);
        for (int i = 0; i < doublings; i++) {
            sum.twice();
        }
        return sum.toPoint();
    }
}
