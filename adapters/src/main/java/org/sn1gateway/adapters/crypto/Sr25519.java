package org.sn1gateway.adapters.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Verification of sr25519 signatures with the {@code substrate} signing context (bittensor.md §4.5). */
public final class Sr25519 {
    private static final byte[] BYTES_OPEN = "<Bytes>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTES_CLOSE = "</Bytes>".getBytes(StandardCharsets.US_ASCII);
    private static final VerifyingKeys RECENT_SIGNERS = new VerifyingKeys(VerifyingKeys.DEFAULT_CAPACITY);

    private Sr25519() {
    }

    /** Whether the signature is valid; false (never an exception) for any malformed input. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verify(RECENT_SIGNERS, publicKey, message, signature);
    }

    /** {@link #verify(byte[], byte[], byte[])} with the signer's tables taken from (or added to) {@code keys}. */
    static boolean verify(VerifyingKeys keys, byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || message == null || signature == null
                || signature.length != 64 || (signature[63] & 0x80) == 0) {
            return false;
        }
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        s[31] &= 0x7f;
        if (!GroupScalars.isCanonical(s)) {
            return false;
        }
        Optional<PointTables> negatedSigner = keys.negatedTables(publicKey);
        if (negatedSigner.isEmpty()) {
            return false;
        }
        byte[] commitment = Arrays.copyOfRange(signature, 0, 32);
        MerlinTranscript transcript = signingTranscript(publicKey, message);
        transcript.append("sign:R", commitment);
        byte[] k = GroupScalars.reduceWide(transcript.challenge("sign:c", 64));
        EdwardsPoint expected = Ristretto255.multiplyVar(s, k, negatedSigner.get());
        return Arrays.equals(Ristretto255.encode(expected), commitment);
    }

    /** As Bittensor's keypairs verify: the message itself, or else {@code <Bytes>message</Bytes>}. */
    public static boolean verifyLikeBittensor(byte[] publicKey, byte[] message, byte[] signature) {
        if (message == null) {
            return false;
        }
        if (verify(publicKey, message, signature)) {
            return true;
        }
        byte[] wrapped = new byte[BYTES_OPEN.length + message.length + BYTES_CLOSE.length];
        System.arraycopy(BYTES_OPEN, 0, wrapped, 0, BYTES_OPEN.length);
        System.arraycopy(message, 0, wrapped, BYTES_OPEN.length, message.length);
        System.arraycopy(BYTES_CLOSE, 0, wrapped, BYTES_OPEN.length + message.length, BYTES_CLOSE.length);
        return verify(publicKey, wrapped, signature);
    }

    static MerlinTranscript signingTranscript(byte[] publicKey, byte[] message) {
        MerlinTranscript transcript = MerlinTranscript.create("SigningContext");
        transcript.append("", "substrate".getBytes(StandardCharsets.US_ASCII));
        transcript.append("sign-bytes", message);
        transcript.append("proto-name", "Schnorr-sig".getBytes(StandardCharsets.US_ASCII));
        transcript.append("sign:pk", publicKey);
        return transcript;
    }
}
