package org.sn1gateway.adapters.scale;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Writes SCALE values (bittensor.md §6.4); Compact in its shortest mode, as encoders must. */
public final class ScaleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ScaleWriter u8(int value) {
        out.write(value);
        return this;
    }

    /** An unsigned little-endian integer of {@code size} bytes. */
    public ScaleWriter unsigned(BigInteger value, int size) {
        for (int i = 0; i < size; i++) {
            out.write(value.shiftRight(8 * i).intValue() & 0xff);
        }
        return this;
    }

    public ScaleWriter unsigned(long value, int size) {
        return unsigned(BigInteger.valueOf(value), size);
    }

    public ScaleWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public ScaleWriter compact(long value) {
        return compact(BigInteger.valueOf(value));
    }

    public ScaleWriter compact(BigInteger value) {
        if (value.compareTo(BigInteger.valueOf(64)) < 0) {
            return u8(value.intValue() << 2);
        }
        if (value.compareTo(BigInteger.valueOf(1 << 14)) < 0) {
            return unsigned((value.longValue() << 2) | 1, 2);
        }
        if (value.compareTo(BigInteger.valueOf(1 << 30)) < 0) {
            return unsigned((value.longValue() << 2) | 2, 4);
        }
        int size = (value.bitLength() + 7) / 8;
        u8(((size - 4) << 2) | 3);
        return unsigned(value, size);
    }

    public ScaleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A Vec<u8>: its length as a Compact, then the bytes. */
    public ScaleWriter bytes(byte[] bytes) {
        compact(bytes.length);
        return raw(bytes);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
