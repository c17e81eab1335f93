package org.sn1gateway.adapters.dendrite;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.sn1gateway.adapters.crypto.Sr25519;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * The axon's own signature on its response (bittensor.md §1.7 step 2): the SDK axon signs
 * {@code {axon_nonce}.{dendrite_hotkey}.{axon_hotkey}.{axon_uuid}} with its hotkey. The Python dendrite
 * never checks it; the gateway does, so that a miner cannot answer in the name of another (say, one with
 * more incentive that it proxies or impersonates). Axons that send no signature are taken as they are:
 * not every SDK version stamps one on a streamed answer.
 */
final class AxonSignatures {
    static final String SIGNATURE = "bt_header_axon_signature";
    static final String NONCE = "bt_header_axon_nonce";
    static final String UUID = "bt_header_axon_uuid";
    private static final int SIGNATURE_HEX_DIGITS = 128;

    private AxonSignatures() {
    }

    /** The text an axon signs; absent values read {@code None}, as Python formats them. */
    static String message(String axonNonce, String dendriteHotkey, String axonHotkey, String axonUuid) {
        return orNone(axonNonce) + "." + orNone(dendriteHotkey) + "." + orNone(axonHotkey) + "." + orNone(axonUuid);
    }

    /**
     * Why the response is not the registered miner's own, or empty when it is (or carries no signature).
     *
     * @param dendriteHotkey the gateway's address, which the request carried
     * @param minerHotkey    the hotkey the metagraph registers for the axon called
     */
    static Optional<MinerFailure> refusal(HttpHeaders headers, String dendriteHotkey, String minerHotkey) {
        Optional<String> signature = headers.firstValue(SIGNATURE);
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        String message = message(headers.firstValue(NONCE).orElse(null), dendriteHotkey, minerHotkey,
                headers.firstValue(UUID).orElse(null));
        return verifies(minerHotkey, message, signature.get()) ? Optional.empty()
                : Optional.of(new MinerFailure(MinerFailure.Kind.FORGED,
                        "the answer's axon signature is not from the miner's hotkey " + minerHotkey));
    }

    private static boolean verifies(String hotkey, String message, String signature) {
        if (!signature.startsWith("0x") || signature.length() != 2 + SIGNATURE_HEX_DIGITS) {
            return false;
        }
        try {
            byte[] publicKey = Ss58.decodePublicKey(hotkey, Ss58.BITTENSOR);
            byte[] bytes = HexFormat.of().parseHex(signature, 2, signature.length());
            return Sr25519.verifyLikeBittensor(publicKey, message.getBytes(StandardCharsets.UTF_8), bytes);
        } catch (IllegalArgumentException badAddressOrHex) {
            return false;
        }
    }

    private static String orNone(String value) {
        return value == null ? "None" : value;
    }
}
