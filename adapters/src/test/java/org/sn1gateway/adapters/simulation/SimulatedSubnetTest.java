package org.sn1gateway.adapters.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static SynapseDendrite dendrite;
    private final MinerPrompt prompt = new MinerPrompt(
            List.of(new Message(Role.USER, "Tell me about volcanoes in Iceland")), Duration.ofSeconds(2));

    @BeforeAll
    static void startSubnet() {
        subnet = SimulatedSubnet.start(new SimulationSettings(SCRIPT.size(), 42, SCRIPT, 0.05));
        dendrite = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)), subnet.gatewayHotkey(),
                NonceSource.systemClock(), 1 << 20);
    }

    @AfterAll
    static void stopSubnet() {
        subnet.close();
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
        HttpRequest signed = dendrite.request(fast, prompt);
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThat(client.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> replayed = client.send(signed, HttpResponse.BodyHandlers.ofString());
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(replayed.body()).contains("Nonce is too old, a newer one was last processed");
        }
    }

    private String ask(SynapseDendrite from, Miner miner) throws Exception {
        RecordingAnswer answer = new RecordingAnswer();
        from.call(miner, prompt, answer);
        return answer.await(WAIT).message();
    }

    @Test
    void anAxonRefusesASignedRequestWhoseBodyDoesNotMatchItsHashAndUnknownSynapses() throws Exception {
        Miner fast = miner(MinerBehaviour.FAST);
        HttpRequest signed = dendrite.request(fast, prompt);
        HttpRequest.Builder tampered = HttpRequest.newBuilder(signed.uri())
                .POST(HttpRequest.BodyPublishers.ofString("{\"roles\": [\"user\"], \"messages\": [\"Something else\"]}"));
        signed.headers().map().forEach((name, values) -> values.forEach(value -> tampered.header(name, value)));
        HttpRequest unknown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fast.axon().port() + "/Other"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> refused = client.send(tampered.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> notFound = client.send(unknown, HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).contains("Internal Server Error #");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(notFound.body()).contains("Synapse name 'Other' not found");
        }
    }

    /** As an SDK 10 axon serving the Sep-Nov 2024 synapse: without its required task_name, 500, not 400. */
    @Test
    void anAxonAnswers500ToARequestWhoseHeadersLackARequiredField() throws Exception {
        HttpRequest signed = dendrite.request(miner(MinerBehaviour.FAST), prompt);
        HttpRequest.Builder withoutTaskName = HttpRequest.newBuilder(signed.uri()).POST(signed.bodyPublisher().orElseThrow());
        signed.headers().map().forEach((name, values) -> values.stream()
                .filter(value -> !name.equalsIgnoreCase("bt_header_input_obj_task_name"))
                .forEach(value -> withoutTaskName.header(name, value)));

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> refused = client.send(withoutTaskName.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> accepted = client.send(dendrite.request(miner(MinerBehaviour.FAST), prompt),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).matches("\\{\"message\": \"Internal Server Error #[0-9a-f-]{36}\"}");
            assertThat(accepted.statusCode()).isEqualTo(200);
        }
    }
}
