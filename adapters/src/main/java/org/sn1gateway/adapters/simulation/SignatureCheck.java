package org.sn1gateway.adapters.simulation;

/** Verifies an sr25519 signature as a Bittensor axon does (also over {@code <Bytes>message</Bytes>}). */
@FunctionalInterface
public interface SignatureCheck {
    /**
     * @param signerAddress the SS58 address of the claimed signer
     * @param signature     {@code 0x}-hex, 64 bytes
     * @return false for any malformed input, never an exception
     */
    boolean verifies(String signerAddress, String message, String signature);
}
