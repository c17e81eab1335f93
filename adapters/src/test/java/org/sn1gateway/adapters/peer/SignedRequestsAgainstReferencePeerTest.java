package org.sn1gateway.adapters.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.dendrite.Dendrite;
import org.sn1gateway.adapters.dendrite.EpistulaDendrite;
import org.sn1gateway.adapters.dendrite.MinerHttpClients;
import org.sn1gateway.adapters.dendrite.NonceSource;
import org.sn1gateway.adapters.dendrite.RecordingAnswer;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/** Requests signed by the Java sr25519 code, verified by the reference axon (@polkadot) in both protocols. */
class SignedRequestsAgainstReferencePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** //Alice's mini secret (bittensor.md §3.5). */
    private static final Hotkey ALICE = new Hotkey(Sr25519KeyPair.fromMiniSecret(HexFormat.of()
            .parseHex("e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a")));
    private static AxonPeer peer;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = AxonPeer.start("--mode", "both", "--reply", "Signed and verified.");
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private static Dendrite synapse(RequestSigner signer) {
        return new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)), signer, NonceSource.systemClock(),
                1 << 20);
    }

    private static Dendrite epistula(RequestSigner signer) {
        return new EpistulaDendrite(MinerHttpClients.create(Duration.ofSeconds(2)), signer, InstantSource.system(),
                1 << 20);
    }

    private static MinerFailure ask(Dendrite dendrite, String minerHotkey, RecordingAnswer answer) throws Exception {
        Miner miner = new Miner(0, minerHotkey, "", new AxonEndpoint("127.0.0.1", peer.port()), 1, 0, false);
        dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.USER, "Héllo, ‘quoted’ 🚀")),
                Duration.ofSeconds(12)), answer);
        return answer.await(WAIT);
    }

    /** Signs something other than what it is asked to sign, as a tampered request would carry. */
    private static RequestSigner tampering() {
        return new RequestSigner() {
            @Override
            public String hotkey() {
                return ALICE.hotkey();
            }

            @Override
            public Optional<String> sign(String message) {
                return ALICE.sign(message + "x");
            }
        };
    }

    @Test
    void theReferenceAxonVerifiesSignedSynapseAndEpistulaRequests() throws Exception {
        for (Dendrite dendrite : List.of(synapse(ALICE), epistula(ALICE))) {
            RecordingAnswer answer = new RecordingAnswer();

            assertThat(ask(dendrite, peer.hotkey(), answer)).isEqualTo(NO_FAILURE);
            assertThat(answer.text()).isEqualTo("Signed and verified.");
            JsonNode verdict = peer.nextVerdict(WAIT);
            assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("signer").asText()).isEqualTo(ALICE.hotkey());
        }
    }

    @Test
    void theReferenceAxonRefusesTamperedSignatures() throws Exception {
        assertThat(ask(synapse(tampering()), peer.hotkey(), new RecordingAnswer()).message())
                .startsWith("HTTP 401: Not Verified with error: Signature mismatch");
        assertThat(peer.nextVerdict(WAIT).get("verified").asBoolean()).isFalse();
        assertThat(ask(epistula(tampering()), peer.hotkey(), new RecordingAnswer()).message())
                .isEqualTo("HTTP 400: Signature Mismatch");
        assertThat(peer.nextVerdict(WAIT).get("verified").asBoolean()).isFalse();
    }

    @Test
    void aRequestSignedForAnotherAxonIsRefused() throws Exception {
        assertThat(ask(synapse(ALICE), ALICE.hotkey(), new RecordingAnswer()).message())
                .startsWith("HTTP 401: Not Verified with error: Signature mismatch");
        peer.nextVerdict(WAIT);
        assertThat(ask(epistula(ALICE), ALICE.hotkey(), new RecordingAnswer()).message())
                .isEqualTo("HTTP 400: Bad Request, message is not intended for self");
        peer.nextVerdict(WAIT);
    }
}
