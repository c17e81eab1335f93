package org.sn1gateway.adapters.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Keccak-f[1600] permutation, which STROBE needs raw (the JDK's SHA-3 does not expose it). Every
 * Merlin transcript runs it several times per signature, so it is written out with its 25 lanes in local
 * variables, which the JIT keeps in registers: looping over lane indexes (mod 5) cost about 5 µs a
 * permutation, a fifth of a signature. The lanes are read from and written to the byte state in place.
 */
final class Keccak {
    private static final long[] ROUND_CONSTANTS = {
            0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
            0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
            0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
            0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
            0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
            0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    /** Lane x + 5y is the little-endian long at byte 8(x + 5y). */
    private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Keccak() {
    }

    /**
     * Permutes the 200-byte state in place. Each round is theta (folded into the next step as the column
     * parities d), rho and pi (rotate each lane and move it: b), chi (mix along rows) and iota.
     */
    static void permute(byte[] state) {
        long s0 = (long) LANE.get(state, 0);
        long s1 = (long) LANE.get(state, 8);
        long s2 = (long) LANE.get(state, 16);
        long s3 = (long) LANE.get(state, 24);
        long s4 = (long) LANE.get(state, 32);
        long s5 = (long) LANE.get(state, 40);
        long s6 = (long) LANE.get(state, 48);
        long s7 = (long) LANE.get(state, 56);
        long s8 = (long) LANE.get(state, 64);
        long s9 = (long) LANE.get(state, 72);
        long s10 = (long) LANE.get(state, 80);
        long s11 = (long) LANE.get(state, 88);
        long s12 = (long) LANE.get(state, 96);
        long s13 = (long) LANE.get(state, 104);
        long s14 = (long) LANE.get(state, 112);
        long s15 = (long) LANE.get(state, 120);
        long s16 = (long) LANE.get(state, 128);
        long s17 = (long) LANE.get(state, 136);
        long s18 = (long) LANE.get(state, 144);
        long s19 = (long) LANE.get(state, 152);
        long s20 = (long) LANE.get(state, 160);
        long s21 = (long) LANE.get(state, 168);
        long s22 = (long) LANE.get(state, 176);
        long s23 = (long) LANE.get(state, 184);
        long s24 = (long) LANE.get(state, 192);
        for (long roundConstant : ROUND_CONSTANTS) {
            long c0 = s0 ^ s5 ^ s10 ^ s15 ^ s20;
            long c1 = s1 ^ s6 ^ s11 ^ s16 ^ s21;
            long c2 = s2 ^ s7 ^ s12 ^ s17 ^ s22;
            long c3 = s3 ^ s8 ^ s13 ^ s18 ^ s23;
            long c4 = s4 ^ s9 ^ s14 ^ s19 ^ s24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            long b0 = s0 ^ d0;
            long b1 = Long.rotateLeft(s6 ^ d1, 44);
            long b2 = Long.rotateLeft(s12 ^ d2, 43);
            long b3 = Long.rotateLeft(s18 ^ d3, 21);
            long b4 = Long.rotateLeft(s24 ^ d4, 14);
            long b5 = Long.rotateLeft(s3 ^ d3, 28);
            long b6 = Long.rotateLeft(s9 ^ d4, 20);
            long b7 = Long.rotateLeft(s10 ^ d0, 3);
            long b8 = Long.rotateLeft(s16 ^ d1, 45);
            long b9 = Long.rotateLeft(s22 ^ d2, 61);
            long b10 = Long.rotateLeft(s1 ^ d1, 1);
            long b11 = Long.rotateLeft(s7 ^ d2, 6);
            long b12 = Long.rotateLeft(s13 ^ d3, 25);
            long b13 = Long.rotateLeft(s19 ^ d4, 8);
            long b14 = Long.rotateLeft(s20 ^ d0, 18);
            long b15 = Long.rotateLeft(s4 ^ d4, 27);
            long b16 = Long.rotateLeft(s5 ^ d0, 36);
            long b17 = Long.rotateLeft(s11 ^ d1, 10);
            long b18 = Long.rotateLeft(s17 ^ d2, 15);
            long b19 = Long.rotateLeft(s23 ^ d3, 56);
            long b20 = Long.rotateLeft(s2 ^ d2, 62);
            long b21 = Long.rotateLeft(s8 ^ d3, 55);
            long b22 = Long.rotateLeft(s14 ^ d4, 39);
            long b23 = Long.rotateLeft(s15 ^ d0, 41);
            long b24 = Long.rotateLeft(s21 ^ d1, 2);
            s0 = b0 ^ (~b1 & b2);
            s1 = b1 ^ (~b2 & b3);
            s2 = b2 ^ (~b3 & b4);
            s3 = b3 ^ (~b4 & b0);
            s4 = b4 ^ (~b0 & b1);
            s5 = b5 ^ (~b6 & b7);
            s6 = b6 ^ (~b7 & b8);
            s7 = b7 ^ (~b8 & b9);
            s8 = b8 ^ (~b9 & b5);
            s9 = b9 ^ (~b5 & b6);
            s10 = b10 ^ (~b11 & b12);
            s11 = b11 ^ (~b12 & b13);
            s12 = b12 ^ (~b13 & b14);
            s13 = b13 ^ (~b14 & b10);
            s14 = b14 ^ (~b10 & b11);
            s15 = b15 ^ (~b16 & b17);
            s16 = b16 ^ (~b17 & b18);
            s17 = b17 ^ (~b18 & b19);
            s18 = b18 ^ (~b19 & b15);
            s19 = b19 ^ (~b15 & b16);
            s20 = b20 ^ (~b21 & b22);
            s21 = b21 ^ (~b22 & b23);
            s22 = b22 ^ (~b23 & b24);
            s23 = b23 ^ (~b24 & b20);
            s24 = b24 ^ (~b20 & b21);
            s0 ^= roundConstant;
        }
        LANE.set(state, 0, s0);
        LANE.set(state, 8, s1);
        LANE.set(state, 16, s2);
        LANE.set(state, 24, s3);
        LANE.set(state, 32, s4);
        LANE.set(state, 40, s5);
        LANE.set(state, 48, s6);
        LANE.set(state, 56, s7);
        LANE.set(state, 64, s8);
        LANE.set(state, 72, s9);
        LANE.set(state, 80, s10);
        LANE.set(state, 88, s11);
        LANE.set(state, 96, s12);
        LANE.set(state, 104, s13);
        LANE.set(state, 112, s14);
        LANE.set(state, 120, s15);
        LANE.set(state, 128, s16);
        LANE.set(state, 136, s17);
        LANE.set(state, 144, s18);
        LANE.set(state, 152, s19);
        LANE.set(state, 160, s20);
        LANE.set(state, 168, s21);
        LANE.set(state, 176, s22);
        LANE.set(state, 184, s23);
        LANE.set(state, 192, s24);
    }
}
