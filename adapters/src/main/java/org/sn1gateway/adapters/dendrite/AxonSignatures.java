package org.sn1gateway.adapters.dendrite;

import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
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

    private AxonSignatures() {
    }

    /**
     * Why the response is not the registered miner's own, or empty when it is (or carries no signature).
     *
     * @param dendriteHotkey the gateway's address, which the request carried
     * @param minerHotkey    the hotkey the metagraph registers for the axon called
     */
    static Optional<MinerFailure> refusal(HttpFields headers, String dendriteHotkey, String minerHotkey) {
        Optional<String> signature = Optional.ofNullable(headers.get(SIGNATURE));
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        String message = SynapseSigning.axonSignatureMessage(headers.get(NONCE), dendriteHotkey,
                minerHotkey, headers.get(UUID));
        return SynapseSigning.verifies(minerHotkey, message, signature.get()) ? Optional.empty()
                : Optional.of(new MinerFailure(MinerFailure.Kind.FORGED, "forged_signature", minerHotkey,
                        "the answer's axon signature is not from the miner's hotkey " + minerHotkey));
    }
}
