package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The plain arithmetic the fast paths are checked against: double-and-add, one bit at a time, with the
 * allocating point formulas, and a verification built on it without any table or cache.
 */
final class Naive {
    private Naive() {
    }

    static EdwardsPoint multiply(BigInteger scalar, EdwardsPoint point) {
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
            sum = sum.twice();
            if (scalar.testBit(bit)) {
                sum = sum.add(point);
            }
        }
        return sum;
    }

    /** sr25519 verification as {@link Sr25519#verify} does it, with double-and-add for R = s·B - k·A. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature.length != 64 || (signature[63] & 0x80) == 0) {
            return false;
        }
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        s[31] &= 0x7f;
        Optional<EdwardsPoint> signer = Ristretto255.decode(publicKey);
        if (!GroupScalars.isCanonical(s) || signer.isEmpty()) {
            return false;
        }
        byte[] commitment = Arrays.copyOfRange(signature, 0, 32);
        MerlinTranscript transcript = Sr25519.signingTranscript(publicKey, message);
        transcript.append("sign:R", commitment);
        byte[] k = GroupScalars.reduceWide(transcript.challenge("sign:c", 64));
        EdwardsPoint expected = multiply(GroupScalars.fromBytes(s), EdwardsPoint.BASE)
                .add(multiply(GroupScalars.fromBytes(k), signer.get()).negate());
        return Arrays.equals(Ristretto255.encode(expected), commitment);
    }

    static byte[] bytes(BigInteger scalar) {
        byte[] little = new byte[32];
        byte[] big = scalar.toByteArray();
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
