package org.sn1gateway.adapters.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.wallet.Hotkey;

/**
 * The keys of the simulated neurons and of the gateway that queries them, derived from the subnet's seed,
 * and the signature check its axons apply, the same as a Bittensor axon's.
 */
final class SimulatedIdentities {
    private final long seed;

    SimulatedIdentities(long seed) {
        this.seed = seed;
    }

    Hotkey hotkey(int uid) {
        return keys("hotkey:" + uid);
    }

    Hotkey coldkey(int uid) {
        return keys("coldkey:" + uid);
    }

    /** The validator hotkey the gateway signs with on this subnet. */
    Hotkey gateway() {
        return keys("gateway");
    }

    private Hotkey keys(String role) {
        return new Hotkey(Sr25519KeyPair.fromMiniSecret(sha256("sn1-gateway simulated subnet " + seed + " " + role)));
    }

    /** An axon's check: the signer's address decodes, and its signature verifies (also as {@code <Bytes>}). */
    static SignatureCheck signatureCheck() {
        return (signer, message, signature) -> {
            try {
                byte[] publicKey = Ss58.decodePublicKey(signer, Ss58.BITTENSOR);
                byte[] bytes = HexFormat.of().parseHex(signature.startsWith("0x") ? signature.substring(2) : "!");
                return Sr25519.verifyLikeBittensor(publicKey, message.getBytes(StandardCharsets.UTF_8), bytes);
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
