package org.sn1gateway.adapters.crypto;

/** The Keccak-f[1600] permutation, which STROBE needs raw (the JDK's SHA-3 does not expose it). */
final class Keccak {
    private static final long[] ROUND_CONSTANTS = {
            0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
            0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
            0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
            0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
            0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
            0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    private static final int[] ROTATIONS = {
            0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

    private Keccak() {
    }

    /** Permutes the 200-byte state in place; lane x + 5y is the little-endian long at byte 8(x + 5y). */
    static void permute(byte[] state) {
        long[] lanes = new long[25];
        for (int i = 0; i < 25; i++) {
            for (int b = 7; b >= 0; b--) {
                lanes[i] = (lanes[i] << 8) | (state[8 * i + b] & 0xffL);
            }
        }
        permute(lanes);
        for (int i = 0; i < 25; i++) {
            for (int b = 0; b < 8; b++) {
                state[8 * i + b] = (byte) (lanes[i] >>> (8 * b));
            }
        }
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            a[0] ^= roundConstant;
        }
    }
}
