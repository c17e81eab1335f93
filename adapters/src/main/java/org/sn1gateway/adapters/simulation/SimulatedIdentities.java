package org.sn1gateway.adapters.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.wallet.Hotkey;

/** The keys of the simulated neurons and of the gateway that queries them, derived from the subnet's seed. */
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
