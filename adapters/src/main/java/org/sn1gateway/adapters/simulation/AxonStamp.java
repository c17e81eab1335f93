package org.sn1gateway.adapters.simulation;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.UUID;
import org.sn1gateway.adapters.dendrite.SynapseSigning;
import org.sn1gateway.adapters.wallet.Hotkey;

/**
 * The headers an SDK axon puts on every response, signed with its hotkey (bittensor.md §1.7 step 2):
 * {@code {axon_nonce}.{dendrite_hotkey}.{axon_hotkey}.{axon_uuid}}.
 */
final class AxonStamp {
    private final Hotkey signer;
    private final String uuid = UUID.randomUUID().toString();

    /** {@code signer} is the axon's own hotkey, or for an impersonator another neuron's. */
    AxonStamp(Hotkey signer) {
        this.signer = signer;
    }

    void stamp(HttpExchange exchange) {
        Headers request = exchange.getRequestHeaders();
        String axonHotkey = request.getFirst("bt_header_axon_hotkey");
        Instant now = Instant.now();
        String nonce = Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        String message = SynapseSigning.axonSignatureMessage(nonce, request.getFirst("bt_header_dendrite_hotkey"),
                axonHotkey, uuid);
        Headers response = exchange.getResponseHeaders();
        response.set("bt_header_axon_nonce", nonce);
        response.set("bt_header_axon_uuid", uuid);
        response.set("bt_header_axon_hotkey", axonHotkey == null ? "None" : axonHotkey);
        signer.sign(message).ifPresent(signature -> response.set("bt_header_axon_signature", signature));
    }
}
