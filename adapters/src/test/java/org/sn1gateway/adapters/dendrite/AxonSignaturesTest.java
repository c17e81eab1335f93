package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertThat(AxonSignatures.refusal(HttpHeaders.of(Map.of(), (name, value) -> true), GATEWAY, MINER.hotkey()))
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
        HttpHeaders replayed = withHeader(signedBy(MINER, NONCE), AxonSignatures.NONCE, NONCE + "1");

        assertThat(AxonSignatures.refusal(replayed, GATEWAY, MINER.hotkey())).isPresent();
        assertThat(AxonSignatures.refusal(signedBy(MINER, NONCE), Ss58.encode(filled(10)), MINER.hotkey())).isPresent();
    }

    @Test
    void anUnreadableSignatureIsForgedRatherThanAnError() {
        for (String signature : List.of("", "0x", "0xzz", "deadbeef", "0x" + "00".repeat(64), "0x" + "ab".repeat(65))) {
            HttpHeaders headers = withHeader(signedBy(MINER, NONCE), AxonSignatures.SIGNATURE, signature);
            assertThat(AxonSignatures.refusal(headers, GATEWAY, MINER.hotkey())).as(signature).isPresent();
        }
    }

    @Test
    void theSignedTextFollowsPythonFormattingOfAbsentValues() {
        assertThat(SynapseSigning.axonSignatureMessage(null, "5Dendrite", "5Axon", null)).isEqualTo("None.5Dendrite.5Axon.None");
    }

    private static HttpHeaders signedBy(Hotkey signer, String nonce) {
        String message = nonce + "." + GATEWAY + "." + MINER.hotkey() + "." + UUID;
        Map<String, List<String>> headers = new HashMap<>();
        headers.put(AxonSignatures.NONCE, List.of(nonce));
        headers.put(AxonSignatures.UUID, List.of(UUID));
        headers.put(AxonSignatures.SIGNATURE, List.of(signer.sign(message).orElseThrow()));
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private static HttpHeaders withHeader(HttpHeaders headers, String name, String value) {
        Map<String, List<String>> changed = new HashMap<>(headers.map());
        changed.put(name, List.of(value));
        return HttpHeaders.of(changed, (n, v) -> true);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
