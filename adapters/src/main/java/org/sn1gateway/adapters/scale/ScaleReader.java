package org.sn1gateway.adapters.scale;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads SCALE values (bittensor.md §6.4) from a byte array, refusing lengths the input cannot hold. */
public final class ScaleReader {
    private final byte[] bytes;
    private int position;

    public ScaleReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    public int u8() {
        require(1);
        return bytes[position++] & 0xff;
    }

    public int u16() {
        return (int) littleEndian(2);
    }

    public long u32() {
        return littleEndian(4);
    }

    public long u64() {
        return littleEndian(8);
    }

    /** An unsigned integer of {@code size} bytes, little-endian, of any size. */
    public BigInteger unsigned(int size) {
        byte[] bigEndian = new byte[size + 1];
        byte[] little = take(size);
        for (int i = 0; i < size; i++) {
            bigEndian[size - i] = little[i];
        }
        return new BigInteger(bigEndian);
    }

    public boolean bool() {
        int value = u8();
        if (value > 1) {
            throw new ScaleException("a bool must be 0 or 1, found " + value + " at byte " + (position - 1));
        }
        return value == 1;
    }

    /** A Compact integer in any of its four modes. */
    public BigInteger compact() {
        int first = u8();
        return switch (first & 3) {
            case 0 -> BigInteger.valueOf(first >>> 2);
            case 1 -> BigInteger.valueOf(((first | (u8() << 8)) & 0xffff) >>> 2);
            case 2 -> BigInteger.valueOf((first | ((long) u8() << 8) | ((long) u8() << 16) | ((long) u8() << 24)) >>> 2);
            default -> unsigned((first >>> 2) + 4);
        };
    }

    /** A Compact that must fit an int (counts and type ids). */
    public int compactInt() {
        BigInteger value = compact();
        if (value.bitLength() > 31) {
            throw new ScaleException("a count or type id of " + value + " is out of range at byte " + position);
        }
        return value.intValue();
    }

    /** The count of a Vec whose items take at least {@code minItemSize} bytes each: never more than fits. */
    public int count(int minItemSize) {
        int count = compactInt();
        if ((long) count * Math.max(1, minItemSize) > remaining()) {
            throw new ScaleException("a count of " + count + " at byte " + position + " exceeds the remaining input");
        }
        return count;
    }

    public byte[] bytes() {
        return take(count(1));
    }

    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public byte[] take(int size) {
        require(size);
        byte[] taken = Arrays.copyOfRange(bytes, position, position + size);
        position += size;
        return taken;
    }

    private long littleEndian(int size) {
        require(size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[position + i] & 0xff);
        }
        position += size;
        return value;
    }

    private void require(int size) {
        if (size < 0 || size > remaining()) {
            throw new ScaleException("the input ends at byte " + bytes.length + ", " + size + " more bytes needed at "
                    + position);
        }
    }
}
