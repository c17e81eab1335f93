package org.sn1gateway.adapters.crypto;

import java.nio.charset.StandardCharsets;

/** A Merlin transcript (bittensor.md §4.3), the Fiat-Shamir hash of schnorrkel signatures. Mutable. */
final class MerlinTranscript {
    private final Strobe128 strobe;

    private MerlinTranscript(Strobe128 strobe) {
        this.strobe = strobe;
    }

    static MerlinTranscript create(String label) {
        MerlinTranscript transcript = new MerlinTranscript(Strobe128.init(ascii("Merlin v1.0")));
        transcript.append("dom-sep", ascii(label));
        return transcript;
    }

    void append(String label, byte[] message) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(message.length), true);
        strobe.ad(message, false);
    }

    byte[] challenge(String label, int length) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(length), true);
        return strobe.prf(length, false);
    }

    /**
     * Witness bytes from a copy of the transcript, the secret seed and 32 fresh random bytes, leaving the
     * transcript as it was: a nonce that is unpredictable even if the random source were weak.
     */
    byte[] witness(String label, byte[] secretSeed, byte[] random, int length) {
        Strobe128 fork = strobe.copy();
        fork.metaAd(ascii(label), false);
        fork.metaAd(le32(secretSeed.length), true);
        fork.key(secretSeed, false);
        fork.metaAd(ascii("rng"), false);
        fork.key(random, false);
        fork.metaAd(le32(length), false);
        return fork.prf(length, false);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
