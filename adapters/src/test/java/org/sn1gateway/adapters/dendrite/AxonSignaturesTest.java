package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.domain.port.MinerFailure;

class AxonSignaturesTest {
    private static final Hotkey MINER = new Hotkey(Sr25519KeyPair.fromMiniSecret(new byte[32]));
    private static final Hotkey OTHER_MINER = new Hotkey(Sr25519KeyPair.fromMiniSecret(filled(7)));
    private static final String GATEWAY = Ss58.encode(filled(9));
    private static final String NONCE = "1732500000000000000";
    private static final String UUID = "0b5e6c1e-6f6b-11ef-9a4b-0242ac120002";

    @Test
    void aResponseSignedByTheRegisteredHotkeyIsTaken() {
        assertThat(AxonSignatures.refusal(signedBy(MINER, NONCE), GATEWAY, MINER.hotkey())).isEmpty();
    }

    @Test
    void aResponseWithoutSignatureIsTakenAsTheSdkNeverChecksIt() {
        assertThat(AxonSignatures.refusal(HttpFields.EMPTY, GATEWAY, MINER.hotkey()))
                .isEmpty();
    }

    @Test
    void aResponseSignedByAnotherNeuronIsForged() {
        Optional<MinerFailure> refusal = AxonSignatures.refusal(signedBy(OTHER_MINER, NONCE), GATEWAY, MINER.hotkey());

        assertThat(refusal).map(MinerFailure::kind).contains(MinerFailure.Kind.FORGED);
        assertThat(refusal.get().message()).contains(MINER.hotkey());
    }

    @Test
    void aSignatureMadeForAnotherCallerOrNonceIsForged() {
        HttpFields replayed = withHeader(signedBy(MINER, NONCE), AxonSignatures.NONCE, NONCE + "1");

        assertThat(AxonSignatures.refusal(replayed, GATEWAY, MINER.hotkey())).isPresent();
        assertThat(AxonSignatures.refusal(signedBy(MINER, NONCE), Ss58.encode(filled(10)), MINER.hotkey())).isPresent();
    }

    @Test
    void anUnreadableSignatureIsForgedRatherThanAnError() {
        for (String signature : List.of("", "0x", "0xzz", "deadbeef", "0x" + "00".repeat(64), "0x" + "ab".repeat(65))) {
            HttpFields headers = withHeader(signedBy(MINER, NONCE), AxonSignatures.SIGNATURE, signature);
            assertThat(AxonSignatures.refusal(headers, GATEWAY, MINER.hotkey())).as(signature).isPresent();
        }
    }

    @Test
    void theSignedTextFollowsPythonFormattingOfAbsentValues() {
        assertThat(SynapseSigning.axonSignatureMessage(null, "5Dendrite", "5Axon", null)).isEqualTo("None.5Dendrite.5Axon.None");
    }

    private static HttpFields signedBy(Hotkey signer, String nonce) {
        String message = nonce + "." + GATEWAY + "." + MINER.hotkey() + "." + UUID;
        return HttpFields.build()
                .put(AxonSignatures.NONCE, nonce)
                .put(AxonSignatures.UUID, UUID)
                .put(AxonSignatures.SIGNATURE, signer.sign(message).orElseThrow());
    }

    private static HttpFields withHeader(HttpFields headers, String name, String value) {
        return HttpFields.build(headers).put(name, value);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
