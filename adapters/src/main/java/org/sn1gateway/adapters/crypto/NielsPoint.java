package org.sn1gateway.adapters.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point prepared for being added many times (ref10's "cached" form): (Y+X, Y-X, Z, 2d·T). The point's
 * negation is the same numbers with the first two swapped and the last negated, so one table serves both
 * signs of a digit. Affine entries (Z = 1) save a multiplication per addition.
 */
record NielsPoint(int[] yPlusX, int[] yMinusX, int[] z, int[] t2d) {
    static NielsPoint of(EdwardsPoint point) {
        return new NielsPoint(Field.add(point.y(), point.x()), Field.sub(point.y(), point.x()), Field.copy(point.z()),
                Field.mul(point.t(), Curve.D2));
    }

    /** The same point with Z = 1, for fixed tables: one inversion now, one multiplication less per use. */
    static NielsPoint affine(EdwardsPoint point) {
        int[] zInverse = Field.invert(point.z());
        int[] x = Field.mul(point.x(), zInverse);
        int[] y = Field.mul(point.y(), zInverse);
        return new NielsPoint(Field.add(y, x), Field.sub(y, x), Curve.ONE, Field.mul(Field.mul(x, y), Curve.D2));
    }

    /** Only {@link #affine} and the selection buffer share Curve.ONE as Z; nothing ever writes into it. */
    boolean isAffine() {
        return z == Curve.ONE;
    }

    /** A buffer for constant-time selection, holding the identity (1, 1, 1, 0). */
    static NielsPoint identityBuffer() {
        int[] one = Field.create();
        X25519Field.one(one);
        int[] alsoOne = Field.create();
        X25519Field.one(alsoOne);
        return new NielsPoint(one, alsoOne, Curve.ONE, Field.create());
    }
}
