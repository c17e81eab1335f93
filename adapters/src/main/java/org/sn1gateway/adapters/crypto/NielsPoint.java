package org.sn1gateway.adapters.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A table entry prepared for being added many times (ref10's affine "precomputed" form): (y+x, y-x, 2d·xy)
 * of the affine point, Z = 1. The point's negation is the same numbers with the first two swapped and the
 * last negated, so one table serves both signs of a digit. Only tables hold these, and every table is
 * built once for many additions, so all entries are affine: one inversion (shared by the whole table)
 * saves a multiplication in every addition.
 */
record NielsPoint(int[] yPlusX, int[] yMinusX, int[] t2d) {
    /** The point with Z = 1. */
    static NielsPoint affine(EdwardsPoint point) {
        return affine(point, Field.invert(point.z()));
    }

    /** {@link #affine(EdwardsPoint)} with 1/Z already known, as {@link #affine(EdwardsPoint[])} shares one inversion. */
    static NielsPoint affine(EdwardsPoint point, int[] zInverse) {
        int[] x = Field.mul(point.x(), zInverse);
        int[] y = Field.mul(point.y(), zInverse);
        return new NielsPoint(Field.add(y, x), Field.sub(y, x), Field.mul(Field.mul(x, y), Curve.D2));
    }

    /**
     * Every point with Z = 1 at the price of one inversion for all (Montgomery's trick: 1/z_i is the
     * inverse of the product of all Z times the product of the others, 3 multiplications a point). An
     * inversion costs as much as some 250 multiplications, and tables hold hundreds of points.
     */
    static NielsPoint[] affine(EdwardsPoint[] points) {
        int[][] before = new int[points.length][]; // before[i] = z_0 · ... · z_(i-1)
        int[] product = Curve.ONE;
        for (int i = 0; i < points.length; i++) {
            before[i] = product;
            product = Field.mul(product, points[i].z());
        }
        int[] inverse = Field.invert(product); // 1 / (z_0 · ... · z_i) as i goes down
        NielsPoint[] affine = new NielsPoint[points.length];
        for (int i = points.length - 1; i >= 0; i--) {
            affine[i] = affine(points[i], Field.mul(inverse, before[i]));
            inverse = Field.mul(inverse, points[i].z());
        }
        return affine;
    }

    /** A buffer to look table entries up into, holding the identity (1, 1, 0). */
    static NielsPoint identityBuffer() {
        int[] one = Field.create();
        X25519Field.one(one);
        int[] alsoOne = Field.create();
        X25519Field.one(alsoOne);
        return new NielsPoint(one, alsoOne, Field.create());
    }
}
