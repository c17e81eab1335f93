package org.sn1gateway.adapters.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.dendrite.MinerHttpClients;
import org.sn1gateway.adapters.dendrite.NonceSource;
import org.sn1gateway.adapters.dendrite.RecordingAnswer;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/** The gateway's classic synapse requests, as the reference axon (Python SDK rules, @polkadot) sees them. */
class SynapseAgainstReferencePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static AxonPeer peer;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = AxonPeer.start("--mode", "synapse", "--allow-unsigned", "--reply", "Paris is the capital of France.");
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private final SynapseDendrite dendrite = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)),
            RequestSigner.unsigned("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"), NonceSource.systemClock(),
            1 << 20);

    /** The reply is taken only if the peer's @polkadot signature on its response verifies. */
    @Test
    void theReferenceAxonAcceptsTheHeadersBodyAndBodyHashAndStreamsItsReply() throws Exception {
        Miner miner = new Miner(0, peer.hotkey(), "coldkey", new AxonEndpoint("127.0.0.1", peer.port()), 1, 0, false);
        RecordingAnswer answer = new RecordingAnswer();

        dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.SYSTEM, "Be brief, it's late: \"ok\"?"),
                new Message(Role.USER, "naïve café 🚀 question\n\twith\u00a0odd spacing")), Duration.ofSeconds(12)), answer);

        assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(answer.text()).isEqualTo("Paris is the capital of France.");
        JsonNode verdict = peer.nextVerdict(WAIT);
        assertThat(verdict.get("status").asInt()).isEqualTo(200);
        assertThat(verdict.get("reason").asText()).isEqualTo("ok");
    }

    /** The metagraph says uid 0 is //Alice's, but the axon at that address signs with its own key. */
    @Test
    void anAxonAnsweringWithAnotherHotkeysSignatureIsRefused() throws Exception {
        Miner registeredAsAlice = new Miner(0, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "coldkey",
                new AxonEndpoint("127.0.0.1", peer.port()), 1, 0, false);
        RecordingAnswer answer = new RecordingAnswer();

        dendrite.call(registeredAsAlice, new MinerPrompt(List.of(new Message(Role.USER, "hello")),
                Duration.ofSeconds(12)), answer);

        assertThat(answer.await(WAIT).kind()).isEqualTo(MinerFailure.Kind.FORGED);
        assertThat(answer.text()).isEmpty();
        assertThat(peer.nextVerdict(WAIT).get("status").asInt()).as("the peer itself served the request").isEqualTo(200);
    }
}
