package org.sn1gateway.adapters.dendrite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Ss58;

/** The classic synapse protocol's body hash and signed texts, and their check (bittensor.md §1.5–§1.7). */
public final class SynapseSigning {
    private static final int SIGNATURE_HEX_DIGITS = 128;

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

    /**
     * The text an SDK axon signs into its response (bittensor.md §1.7 step 2):
     * {@code axon_nonce.dendrite_hotkey.axon_hotkey.axon_uuid}, absent values reading {@code None} as
     * Python formats them.
     */
    public static String axonSignatureMessage(String axonNonce, String dendriteHotkey, String axonHotkey,
                                              String axonUuid) {
        return orNone(axonNonce) + "." + orNone(dendriteHotkey) + "." + orNone(axonHotkey) + "." + orNone(axonUuid);
    }

    /**
     * Whether {@code signature} ({@code 0x}-hex, 64 bytes) is the signer's sr25519 signature of the UTF-8
     * message, also over {@code <Bytes>message</Bytes>} as the Python keypair accepts. False for any
     * malformed address or signature, never an exception.
     */
    public static boolean verifies(String signerAddress, String message, String signature) {
        if (signature == null || !signature.startsWith("0x") || signature.length() != 2 + SIGNATURE_HEX_DIGITS) {
            return false;
        }
        try {
            byte[] publicKey = Ss58.decodePublicKey(signerAddress, Ss58.BITTENSOR);
            byte[] bytes = HexFormat.of().parseHex(signature, 2, signature.length());
            return Sr25519.verifyLikeBittensor(publicKey, message.getBytes(StandardCharsets.UTF_8), bytes);
        } catch (IllegalArgumentException badAddressOrHex) {
            return false;
        }
    }

    private static String orNone(String value) {
        return value == null ? "None" : value;
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
