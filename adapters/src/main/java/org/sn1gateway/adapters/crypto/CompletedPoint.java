package org.sn1gateway.adapters.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The running sum of a scalar multiplication, kept in ref10's "completed" form ((X:Z), (Y:T)) that every
 * doubling and addition yields, in buffers reused for the whole multiplication: the hot loops of signing
 * and verifying allocate nothing. Each step converts only as far as the next one needs (3
 * multiplications before a doubling, 4 before an addition). Not thread-safe; one per multiplication.
 */
final class CompletedPoint {
    private final int[] x = Field.create();
    private final int[] y = Field.create();
    private final int[] z = Field.create();
    private final int[] t = Field.create();
    // The extended (or, before a doubling, projective) form the next step starts from.
    private final int[] px = Field.create();
    private final int[] py = Field.create();
    private final int[] pz = Field.create();
    private final int[] pt = Field.create();
    private final int[] a = Field.create();
    private final int[] b = Field.create();
    private final int[] c = Field.create();
    private final int[] d = Field.create();

    /** Starts at the identity: x = 0/1, y = 1/1. */
    CompletedPoint() {
        X25519Field.one(y);
        X25519Field.one(z);
        X25519Field.one(t);
    }

    /** Starts at {@code point}: x = X/Z, y = Y/Z, which the next step's conversion turns back into (X:Y:Z:T). */
    CompletedPoint(EdwardsPoint point) {
        System.arraycopy(point.x(), 0, x, 0, x.length);
        System.arraycopy(point.y(), 0, y, 0, y.length);
        System.arraycopy(point.z(), 0, z, 0, z.length);
        System.arraycopy(point.z(), 0, t, 0, t.length);
    }

    /** this = 2·this; 3 multiplications and 4 squarings. */
    void twice() {
        X25519Field.mul(x, t, px);
        X25519Field.mul(y, z, py);
        X25519Field.mul(z, t, pz);
        X25519Field.sqr(px, a);
        X25519Field.sqr(py, b);
        X25519Field.sqr(pz, c);
        X25519Field.add(c, c, c);
        X25519Field.add(px, py, d);
        X25519Field.carry(d);
        X25519Field.sqr(d, d);
        X25519Field.add(b, a, y);
        X25519Field.carry(y);
        X25519Field.sub(b, a, z);
        X25519Field.carry(z);
        X25519Field.sub(d, y, x);
        X25519Field.carry(x);
        X25519Field.sub(c, z, t);
        X25519Field.carry(t);
    }

    /**
     * this = this + point, or this - point when {@code subtract}; 7 multiplications with the conversion.
     * Variable time in {@code subtract} only.
     */
    void add(NielsPoint point, boolean subtract) {
        toExtended();
        X25519Field.add(py, px, a);
        X25519Field.carry(a);
        X25519Field.sub(py, px, b);
        X25519Field.carry(b);
        X25519Field.mul(a, subtract ? point.yMinusX() : point.yPlusX(), a);
        X25519Field.mul(b, subtract ? point.yPlusX() : point.yMinusX(), b);
        X25519Field.mul(pt, point.t2d(), c);
        X25519Field.add(pz, pz, d); // 2·Z1·Z2 with Z2 = 1
        X25519Field.carry(d);
        X25519Field.sub(a, b, x);
        X25519Field.carry(x);
        X25519Field.add(a, b, y);
        X25519Field.carry(y);
        if (subtract) {
            X25519Field.sub(d, c, z);
            X25519Field.add(d, c, t);
        } else {
            X25519Field.add(d, c, z);
            X25519Field.sub(d, c, t);
        }
        X25519Field.carry(z);
        X25519Field.carry(t);
    }

    EdwardsPoint toPoint() {
        toExtended();
        return new EdwardsPoint(Field.copy(px), Field.copy(py), Field.copy(pz), Field.copy(pt));
    }

    private void toExtended() {
        X25519Field.mul(x, t, px);
        X25519Field.mul(y, z, py);
        X25519Field.mul(z, t, pz);
        X25519Field.mul(x, y, pt);
    }
}
