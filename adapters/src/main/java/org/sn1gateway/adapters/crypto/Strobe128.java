package org.sn1gateway.adapters.crypto;

import java.nio.charset.StandardCharsets;

/** The subset of STROBE-128 that Merlin transcripts use (bittensor.md §4.2). Mutable; copy before forking. */
final class Strobe128 {
    private static final int RATE = 166;
    private static final int FLAG_I = 1;
    private static final int FLAG_A = 2;
    private static final int FLAG_C = 4;
    private static final int FLAG_M = 16;
    private static final int FLAG_K = 32;

    private final byte[] state;
    private int pos;
    private int posBegin;
    private int curFlags;

    private Strobe128(byte[] state, int pos, int posBegin, int curFlags) {
        this.state = state;
        this.pos = pos;
        this.posBegin = posBegin;
        this.curFlags = curFlags;
    }

    static Strobe128 init(byte[] label) {
        byte[] state = new byte[200];
        byte[] header = {1, (byte) (RATE + 2), 1, 0, 1, 96};
        System.arraycopy(header, 0, state, 0, header.length);
        byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(version, 0, state, 6, version.length);
        Keccak.permute(state);
        Strobe128 strobe = new Strobe128(state, 0, 0, 0);
        strobe.metaAd(label, false);
        return strobe;
    }

    Strobe128 copy() {
        return new Strobe128(state.clone(), pos, posBegin, curFlags);
    }

    void metaAd(byte[] data, boolean more) {
        beginOp(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOp(FLAG_A, more);
        absorb(data);
    }

    byte[] prf(int length, boolean more) {
        beginOp(FLAG_I | FLAG_A | FLAG_C, more);
        return squeeze(length);
    }

    void key(byte[] data, boolean more) {
        beginOp(FLAG_A | FLAG_C, more);
        overwrite(data);
    }

    private void runF() {
        state[pos] ^= (byte) posBegin;
        state[pos + 1] ^= 0x04;
        state[RATE + 1] ^= (byte) 0x80;
        Keccak.permute(state);
        pos = 0;
        posBegin = 0;
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[pos++] ^= b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void overwrite(byte[] data) {
        for (byte b : data) {
            state[pos++] = b;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private byte[] squeeze(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = state[pos];
            state[pos++] = 0;
            if (pos == RATE) {
                runF();
            }
        }
        return out;
    }

    private void beginOp(int flags, boolean more) {
        if (more) {
            if (flags != curFlags) {
                throw new IllegalStateException("a continued STROBE operation must keep its flags");
            }
            return;
        }
        int old = posBegin;
        posBegin = pos + 1;
        curFlags = flags;
        absorb(new byte[] {(byte) old, (byte) flags});
        if ((flags & (FLAG_C | FLAG_K)) != 0 && pos != 0) {
            runF();
        }
    }
}
