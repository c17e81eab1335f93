package org.sn1gateway.adapters.crypto;

/**
 * Precomputed multiples of one public point P, for variable-time multiplication with an eighth of the
 * doublings. A 256-digit scalar is cut into {@value #PARTS} parts of {@value #PART_DIGITS} digits,
 * s = s_0 + s_1·2^32 + ... + s_7·2^224, and s·P = Σ s_j·P_j with P_j = 2^(32·j)·P: with the odd
 * multiples of every P_j in a table, the parts share one chain of 32 doublings, where the whole scalar
 * needs 256. The additions stay as many as before. So this pays wherever the tables are reused: the base
 * point's (built once) and those of signers that recur ({@link VerifyingKeys}). Eight parts measured
 * about a fifth faster than four in verification, for twice the memory (some 13 KB a key with 8 odd
 * multiples). Public data only. Entries are affine (Z = 1), which saves a multiplication per addition.
 */
final class PointTables {
    static final int PARTS = 8;
    static final int PART_DIGITS = 256 / PARTS;

    /** multiples[j][i] = (2i + 1)·P_j. */
    private final NielsPoint[][] multiples;

    private PointTables(NielsPoint[][] multiples) {
        this.multiples = multiples;
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
        NielsPoint[][] multiples = new NielsPoint[PARTS][count];
        for (int j = 0; j < PARTS; j++) {
            System.arraycopy(affine, j * count, multiples[j], 0, count);
        }
        return new PointTables(multiples);
    }

    /** |digit|·P_part for an odd digit; the caller subtracts it when the digit is negative. */
    NielsPoint multiple(int part, int digit) {
        return multiples[part][Math.abs(digit) >> 1];
    }

    private static EdwardsPoint timesPowerOfTwo(EdwardsPoint point, int doublings) {
        CompletedPoint sum = new CompletedPoint(point);
        for (int i = 0; i < doublings; i++) {
            sum.twice();
        }
        return sum.toPoint();
    }
}
