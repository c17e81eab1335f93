package org.sn1gateway.adapters.dendrite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The classic synapse protocol's body hash and signed message (bittensor.md §1.5, §1.6). */
public final class SynapseSigning {
    private SynapseSigning() {
    }

    /** {@code computed_body_hash} of a StreamPromptingSynapse, whose only hashed field is {@code messages}. */
    public static String computedBodyHash(List<String> messages) {
        String fieldHash = sha3Hex(PythonRepr.ofList(messages));
        return sha3Hex(fieldHash);
    }

    /** The text the dendrite signs: {@code nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash}. */
    public static String signatureMessage(long nonce, String dendriteHotkey, String axonHotkey, String uuid,
                                          String computedBodyHash) {
        return nonce + "." + dendriteHotkey + "." + axonHotkey + "." + uuid + "." + computedBodyHash;
    }

    /** Lowercase hex of FIPS-202 SHA3-256 (not Keccak-256) of the UTF-8 text. */
    public static String sha3Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA3-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 9+ runtime has SHA3-256", e);
        }
    }
}
