package org.sn1gateway.adapters.crypto;

/**
 * A point of edwards25519 (a = -1) in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z.
 * The addition formulas are complete, so the identity and doubling need no special case.
 */
record EdwardsPoint(int[] x, int[] y, int[] z, int[] t) {
    static final EdwardsPoint IDENTITY = new EdwardsPoint(Field.create(), Curve.ONE, Curve.ONE, Field.create());
    static final EdwardsPoint BASE = new EdwardsPoint(Curve.BASE_X, Curve.BASE_Y, Curve.ONE,
            Field.mul(Curve.BASE_X, Curve.BASE_Y));

    EdwardsPoint add(EdwardsPoint other) {
        int[] a = Field.mul(Field.sub(y, x), Field.sub(other.y, other.x));
        int[] b = Field.mul(Field.add(y, x), Field.add(other.y, other.x));
        int[] c = Field.mul(Field.mul(t, Curve.D2), other.t);
        int[] d = Field.mul(Field.add(z, z), other.z);
        int[] e = Field.sub(b, a);
        int[] f = Field.sub(d, c);
        int[] g = Field.add(d, c);
        int[] h = Field.add(b, a);
        return new EdwardsPoint(Field.mul(e, f), Field.mul(g, h), Field.mul(f, g), Field.mul(e, h));
    }

    EdwardsPoint twice() {
        int[] a = Field.sqr(x);
        int[] b = Field.sqr(y);
        int[] zz = Field.sqr(z);
        int[] c = Field.add(zz, zz);
        int[] d = Field.neg(a);
        int[] e = Field.sub(Field.sub(Field.sqr(Field.add(x, y)), a), b);
        int[] g = Field.add(d, b);
        int[] f = Field.sub(g, c);
        int[] h = Field.sub(d, b);
        return new EdwardsPoint(Field.mul(e, f), Field.mul(g, h), Field.mul(f, g), Field.mul(e, h));
    }

    EdwardsPoint negate() {
        return new EdwardsPoint(Field.neg(x), y, z, Field.neg(t));
    }

    /** {@code mask} -1 selects {@code candidate}, 0 keeps this point; constant time. */
    EdwardsPoint select(int mask, EdwardsPoint candidate) {
        return new EdwardsPoint(Field.select(mask, candidate.x, x), Field.select(mask, candidate.y, y),
                Field.select(mask, candidate.z, z), Field.select(mask, candidate.t, t));
    }
}
