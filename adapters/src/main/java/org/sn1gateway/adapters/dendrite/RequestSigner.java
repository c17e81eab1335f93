package org.sn1gateway.adapters.dendrite;

import java.util.Optional;

/** The validator hotkey that signs the gateway's requests to miners. */
public interface RequestSigner {
    /** The signer's SS58 address. */
    String hotkey();

    /** {@code 0x}-hex sr25519 signature of the UTF-8 message, or empty when this signer cannot sign. */
    Optional<String> sign(String message);

    /** An identity that sends its address but no signature, for networks whose axons do not verify. */
    static RequestSigner unsigned(String hotkey) {
        return new RequestSigner() {
            @Override
            public String hotkey() {
                return hotkey;
            }

            @Override
            public Optional<String> sign(String message) {
                return Optional.empty();
            }
        };
    }
}
