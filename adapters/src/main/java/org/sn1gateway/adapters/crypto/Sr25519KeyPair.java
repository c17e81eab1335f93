package org.sn1gateway.adapters.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An sr25519 (schnorrkel) key pair that signs with the {@code substrate} context, as Bittensor hotkeys
 * do. Holds secret material: it is never printed ({@link #toString} shows the public key only).
 */
public final class Sr25519KeyPair {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final byte[] nonce;
    private final byte[] publicKey;

    private Sr25519KeyPair(byte[] key, byte[] nonce) {
        this.key = key;
        this.nonce = nonce;
        this.publicKey = Ristretto255.encode(Ristretto255.multiplyBase(key));
    }

    /** Substrate's expansion of a 32-byte mini secret (bittensor.md §3.5). */
    public static Sr25519KeyPair fromMiniSecret(byte[] miniSecret) {
        if (miniSecret.length != 32) {
            throw new IllegalArgumentException("a mini secret has 32 bytes");
        }
        byte[] hash = sha512(miniSecret);
        byte[] scalar = Arrays.copyOfRange(hash, 0, 32);
        scalar[0] &= (byte) 0xf8;
        scalar[31] &= 0x3f;
        scalar[31] |= 0x40;
        byte[] key = divideByEight(scalar);
        Arrays.fill(hash, 0, 32, (byte) 0);
        Arrays.fill(scalar, (byte) 0);
        return new Sr25519KeyPair(key, Arrays.copyOfRange(hash, 32, 64));
    }

    /** A Bittensor {@code privateKey}: the schnorrkel scalar (below the group order) then the nonce. */
    public static Sr25519KeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != 64) {
            throw new IllegalArgumentException("a private key has 64 bytes");
        }
        byte[] key = Arrays.copyOfRange(privateKey, 0, 32);
        if (!GroupScalars.isCanonical(key)) {
            throw new IllegalArgumentException("the private key's scalar is not below the group order");
        }
        return new Sr25519KeyPair(key, Arrays.copyOfRange(privateKey, 32, 64));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The {@code privateKey} form of Bittensor key files (scalar then nonce). */
    public byte[] privateKey() {
        byte[] both = Arrays.copyOf(key, 64);
        System.arraycopy(nonce, 0, both, 32, 32);
        return both;
    }

    /** A 64-byte signature with the schnorrkel marker bit; randomised, as schnorrkel's are. */
    public byte[] sign(byte[] message) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return sign(message, random);
    }

    /** Signs with the given witness randomness; only tests pass fixed bytes, to reproduce reference vectors. */
    byte[] sign(byte[] message, byte[] random) {
        MerlinTranscript transcript = Sr25519.signingTranscript(publicKey, message);
        byte[] r = GroupScalars.reduceWide(transcript.witness("signing", nonce, random, 64));
        byte[] commitment = Ristretto255.encode(Ristretto255.multiplyBase(r));
        transcript.append("sign:R", commitment);
        byte[] k = GroupScalars.reduceWide(transcript.challenge("sign:c", 64));
        byte[] s = GroupScalars.multiplyAdd(k, key, r);
        byte[] signature = Arrays.copyOf(commitment, 64);
        System.arraycopy(s, 0, signature, 32, 32);
        signature[63] |= (byte) 0x80;
        return signature;
    }

    private static byte[] divideByEight(byte[] littleEndian) {
        byte[] result = new byte[32];
        for (int i = 0; i < 32; i++) {
            int next = i + 1 < 32 ? littleEndian[i + 1] & 0xff : 0;
            result[i] = (byte) (((littleEndian[i] & 0xff) >>> 3) | (next << 5));
        }
        return result;
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }

    @Override
    public String toString() {
        return "Sr25519KeyPair{public=0x" + HexFormat.of().formatHex(publicKey) + "}";
    }
}
