package org.sn1gateway.adapters.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The axon's nonce and signature rules, with a stand-in signature check that accepts "ok:" + message. */
class SynapseVerifierTest {
    private static final String OWN = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    private static final long NOW_NANOS = 1_722_470_400_000_000_000L;
    private final SynapseVerifier verifier = new SynapseVerifier(OWN,
            (signer, message, signature) -> signature.equals("ok:" + message),
            InstantSource.fixed(Instant.ofEpochSecond(0, NOW_NANOS)));

    private static Headers request(long nonce, String version, String axonHotkeyInMessage) {
        Headers headers = new Headers();
        headers.add("bt_header_dendrite_hotkey", "5Grw");
        headers.add("bt_header_dendrite_uuid", "u-1");
        headers.add("bt_header_dendrite_nonce", Long.toString(nonce));
        headers.add("bt_header_dendrite_version", version);
        headers.add("timeout", "12.0");
        headers.add("computed_body_hash", "abc");
        headers.add("bt_header_dendrite_signature", "ok:" + nonce + ".5Grw." + axonHotkeyInMessage + ".u-1.abc");
        return headers;
    }

    @Test
    void acceptsAFreshSignedRequestAndThenOnlyLargerNonces() {
        assertThat(verifier.refusal(request(NOW_NANOS - 1_000, "10002000", OWN))).isEmpty();
        assertThat(verifier.refusal(request(NOW_NANOS - 1_000, "10002000", OWN)))
                .contains("Nonce is too old, a newer one was last processed");
        assertThat(verifier.refusal(request(NOW_NANOS + 5, "10002000", OWN))).isEmpty();
    }

    @Test
    void refusesAFirstNonceOlderThanFourSecondsPlusTheTimeout() {
        assertThat(verifier.refusal(request(NOW_NANOS - 16_500_000_000L, "10002000", OWN)))
                .contains("Nonce is too old: acceptable delta is 16.00 seconds but request was 16.50 seconds old");
        assertThat(verifier.refusal(request(NOW_NANOS - 15_000_000_000L, "10002000", OWN))).isEmpty();
    }

    @Test
    void oldDendriteVersionsOnlyNeedIncreasingNonces() {
        assertThat(verifier.refusal(request(5, "712", OWN))).isEmpty();
        assertThat(verifier.refusal(request(5, "712", OWN))).contains("Nonce is too small");
    }

    @Test
    void refusesASignatureMadeForAnotherAxonOrMissing() {
        assertThat(verifier.refusal(request(NOW_NANOS, "10002000", "5SomeOtherAxon"))).get().asString()
                .startsWith("Signature mismatch with " + NOW_NANOS + ".5Grw." + OWN + ".u-1.abc");
        Headers unsigned = request(NOW_NANOS, "10002000", OWN);
        unsigned.remove("bt_header_dendrite_signature");
        assertThat(verifier.refusal(unsigned)).contains("Missing signature");
        Headers noNonce = request(NOW_NANOS, "10002000", OWN);
        noNonce.remove("bt_header_dendrite_nonce");
        assertThat(verifier.refusal(noNonce)).contains("Missing Nonce");
    }

    @Test
    void aRefusedSignatureDoesNotConsumeTheNonce() {
        verifier.refusal(request(NOW_NANOS, "10002000", "5SomeOtherAxon"));

        assertThat(verifier.refusal(request(NOW_NANOS, "10002000", OWN))).isEmpty();
    }
}
