package org.sn1gateway.adapters.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.dendrite.MinerHttpClients;
import org.sn1gateway.adapters.dendrite.NonceSource;
import org.sn1gateway.adapters.dendrite.RecordingAnswer;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** The simulated subnet's axons, called over real loopback HTTP by the gateway's own dendrite. */
class SimulatedSubnetTest {
    private static final List<MinerBehaviour> SCRIPT = List.of(MinerBehaviour.values());
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static SimulatedSubnet subnet;
    private static HttpClient http;
    private static SynapseDendrite dendrite;
    private final MinerPrompt prompt = new MinerPrompt(
            List.of(new Message(Role.USER, "Tell me about volcanoes in Iceland")), Duration.ofSeconds(2));

    @BeforeAll
    static void startSubnet() {
        subnet = SimulatedSubnet.start(new SimulationSettings(SCRIPT.size(), 42, SCRIPT, 0.05));
        http = MinerHttpClients.create(Duration.ofSeconds(2));
        dendrite = new SynapseDendrite(http, subnet.gatewayHotkey(), NonceSource.systemClock(), 1 << 20);
    }

    @AfterAll
    static void stopSubnet() throws Exception {
        http.stop();
        subnet.close();
    }

    /**
     * The same request as {@code signed}, to send again: Jetty sends a request once, and its body's bytes
     * once. Both get their own copy of the body.
     */
    private static Request copyOf(Request signed) throws IOException {
        byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(signed.getBody()));
        signed.body(new BytesRequestContent("application/json", body));
        return http.newRequest(signed.getURI()).method(HttpMethod.POST).headers(headers -> headers.add(signed.getHeaders()))
                .body(new BytesRequestContent("application/json", body));
    }

    private Miner miner(MinerBehaviour behaviour) {
        return subnet.metagraph().miner(SCRIPT.indexOf(behaviour)).orElseThrow();
    }

    private RecordingAnswer ask(MinerBehaviour behaviour) {
        RecordingAnswer answer = new RecordingAnswer();
        dendrite.call(miner(behaviour), prompt, answer);
        return answer;
    }

    @Test
    void aFastMinerStreamsAReadableAnswerAboutThePromptInWordSizedPieces() throws Exception {
        RecordingAnswer answer = ask(MinerBehaviour.FAST);

        assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(answer.text()).containsIgnoringCase("volcanoes").endsWith("the details matter.");
        assertThat(answer.pieces()).hasSizeGreaterThan(10).allMatch(piece -> piece.strip().split(" ").length == 1);
    }

    @Test
    void eachScriptedFailureReachesTheDendriteAsItWouldFromARealMiner() throws Exception {
        RecordingAnswer empty = ask(MinerBehaviour.EMPTY);
        RecordingAnswer refusal = ask(MinerBehaviour.REFUSAL);
        RecordingAnswer error = ask(MinerBehaviour.HTTP_ERROR);
        RecordingAnswer hanging = ask(MinerBehaviour.HANGING);
        RecordingAnswer broken = ask(MinerBehaviour.BROKEN_STREAM);

        assertThat(empty.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(empty.text()).isEmpty();
        assertThat(refusal.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(refusal.text()).isEqualTo(SimulatedAxon.REFUSAL);
        assertThat(error.await(WAIT)).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(MinerFailure.Kind.HTTP_STATUS);
            assertThat(failure.message()).startsWith("HTTP 500: Internal Server Error #");
        });
        assertThat(hanging.await(WAIT).kind()).isEqualTo(MinerFailure.Kind.TIMEOUT);
        assertThat(broken.await(WAIT).kind()).isEqualTo(MinerFailure.Kind.BROKEN_STREAM);
        assertThat(broken.text()).isNotEmpty();
    }

    @Test
    void aCancelledCallReportsNothingMore() throws Exception {
        RecordingAnswer answer = new RecordingAnswer();
        MinerCall call = dendrite.call(miner(MinerBehaviour.SLOW), prompt, answer);

        call.cancel();
        RecordingAnswer after = ask(MinerBehaviour.FAST);
        after.await(WAIT);

        assertThat(answer.hasEnded()).isFalse();
        assertThat(answer.pieces()).isEmpty();
    }

    @Test
    void theMetagraphDescribesEveryAxonAndOneValidatorThatIsNeverAvailable() {
        List<Miner> neurons = subnet.metagraph().miners();

        assertThat(neurons).hasSize(SCRIPT.size() + 1);
        assertThat(neurons).extracting(Miner::hotkey).doesNotHaveDuplicates();
        assertThat(neurons).extracting(miner -> miner.axon().port()).doesNotHaveDuplicates();
        assertThat(neurons).filteredOn(Miner::validatorPermit).singleElement().satisfies(validator ->
                assertThat(AvailabilityRules.defaults().isAvailable(validator)).isFalse());
        assertThat(neurons).filteredOn(miner -> !miner.validatorPermit())
                .allMatch(AvailabilityRules.defaults()::isAvailable);
    }

    @Test
    void theSameSeedGivesTheSameSubnet() {
        try (SimulatedSubnet first = SimulatedSubnet.start(new SimulationSettings(16, 7, List.of(), 1));
             SimulatedSubnet second = SimulatedSubnet.start(new SimulationSettings(16, 7, List.of(), 1))) {
            Map<Integer, MinerBehaviour> behaviours = first.behaviours();

            assertThat(second.behaviours()).isEqualTo(behaviours);
            assertThat(behaviours.values()).contains(MinerBehaviour.FAST);
            assertThat(second.metagraph().miners()).extracting(Miner::incentive)
                    .isEqualTo(first.metagraph().miners().stream().map(Miner::incentive).toList());
        }
    }

    @Test
    void anAxonRefusesUnsignedForgedAndReplayedRequestsLikeASdkAxon() throws Exception {
        Miner fast = miner(MinerBehaviour.FAST);
        SynapseDendrite unsigned = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)),
                RequestSigner.unsigned(subnet.gatewayHotkey().hotkey()), NonceSource.systemClock(), 1 << 20);
        Hotkey other = new Hotkey(Sr25519KeyPair.fromMiniSecret(new byte[32]));
        RequestSigner impostor = new RequestSigner() {
            @Override
            public String hotkey() {
                return subnet.gatewayHotkey().hotkey();
            }

            @Override
            public Optional<String> sign(String message) {
                return other.sign(message);
            }
        };
        SynapseDendrite stranger = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)), impostor,
                NonceSource.systemClock(), 1 << 20);

        assertThat(ask(unsigned, fast)).isEqualTo("HTTP 401: Not Verified with error: Missing signature");
        assertThat(ask(stranger, fast)).startsWith("HTTP 401: Not Verified with error: Signature mismatch");
        Request signed = dendrite.request(fast, prompt);
        Request replay = copyOf(signed);
        assertThat(signed.send().getStatus()).isEqualTo(200);
        ContentResponse replayed = replay.send();
        assertThat(replayed.getStatus()).isEqualTo(401);
        assertThat(replayed.getContentAsString()).contains("Nonce is too old, a newer one was last processed");
    }

    private String ask(SynapseDendrite from, Miner miner) throws Exception {
        RecordingAnswer answer = new RecordingAnswer();
        from.call(miner, prompt, answer);
        return answer.await(WAIT).message();
    }

    @Test
    void anAxonRefusesASignedRequestWhoseBodyDoesNotMatchItsHashAndUnknownSynapses() throws Exception {
        Miner fast = miner(MinerBehaviour.FAST);
        Request signed = dendrite.request(fast, prompt);
        Request tampered = copyOf(signed).body(new BytesRequestContent("application/json",
                "{\"roles\": [\"user\"], \"messages\": [\"Something else\"]}".getBytes(StandardCharsets.UTF_8)));
        Request unknown = http.newRequest(URI.create("http://127.0.0.1:" + fast.axon().port() + "/Other"))
                .method(HttpMethod.POST);

        ContentResponse refused = tampered.send();
        ContentResponse notFound = unknown.send();

        assertThat(refused.getStatus()).isEqualTo(500);
        assertThat(refused.getContentAsString()).contains("Internal Server Error #");
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getContentAsString()).contains("Synapse name 'Other' not found");
    }

    /** As an SDK 10 axon serving the Sep-Nov 2024 synapse: without its required task_name, 500, not 400. */
    @Test
    void anAxonAnswers500ToARequestWhoseHeadersLackARequiredField() throws Exception {
        Request signed = dendrite.request(miner(MinerBehaviour.FAST), prompt);
        Request withoutTaskName = copyOf(signed).headers(headers -> headers.remove("bt_header_input_obj_task_name"));

        ContentResponse refused = withoutTaskName.send();
        ContentResponse accepted = dendrite.request(miner(MinerBehaviour.FAST), prompt).send();

        assertThat(refused.getStatus()).isEqualTo(500);
        assertThat(refused.getContentAsString()).matches("\\{\"message\": \"Internal Server Error #[0-9a-f-]{36}\"}");
        assertThat(accepted.getStatus()).isEqualTo(200);
    }
}
