package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/** The Epistula dendrite against a scripted miner on loopback that records what it receives. */
class EpistulaDendriteTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MINER_HOTKEY = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    private HttpServer server;
    private final Map<String, Object> received = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile List<String> pieces = List.of();
    private final List<String> signed = new CopyOnWriteArrayList<>();
    private final RequestSigner signer = new RequestSigner() {
        @Override
        public String hotkey() {
            return "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        }

        @Override
        public Optional<String> sign(String message) {
            signed.add(message);
            return Optional.of("0xsig" + signed.size());
        }
    };

    @BeforeEach
    void startMiner() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            received.put("path", exchange.getRequestURI().getPath());
            received.put("headers", exchange.getRequestHeaders());
            received.put("body", exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String piece : pieces) {
                    out.write(piece.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopMiner() {
        server.stop(0);
    }

    private RecordingAnswer ask() {
        EpistulaDendrite dendrite = new EpistulaDendrite(MinerHttpClients.create(Duration.ofSeconds(2)), signer,
                InstantSource.fixed(Instant.ofEpochMilli(1_722_470_400_123L)), 1 << 20);
        Miner miner = new Miner(3, MINER_HOTKEY, "coldkey", new AxonEndpoint("127.0.0.1", server.getAddress().getPort()),
                1, 0, false);
        RecordingAnswer answer = new RecordingAnswer();
        dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.USER, "Hi")), Duration.ofSeconds(20)), answer);
        return answer;
    }

    @Test
    void postsASignedChatCompletionAndStreamsTheDeltasBack() throws Exception {
        pieces = List.of("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n",
                "\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n", "data: [DONE]\n\n");

        RecordingAnswer answer = ask();

        assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(answer.text()).isEqualTo("Hello");
        assertThat(received.get("path")).isEqualTo("/v1/chat/completions");
        Headers headers = (Headers) received.get("headers");
        byte[] body = (byte[]) received.get("body");
        String uuid = headers.getFirst("Epistula-Uuid");
        assertThat(signed.getFirst())
                .isEqualTo(EpistulaSigning.requestMessage(body, uuid, 1_722_470_400_123L, MINER_HOTKEY));
        assertThat(headers.getFirst("Epistula-Request-Signature")).isEqualTo("0xsig1");
        assertThat(headers.getFirst("Epistula-Signed-For")).isEqualTo(MINER_HOTKEY);
        assertThat(headers.getFirst("Epistula-Timestamp")).isEqualTo("1722470400123");
        assertThat(headers.getFirst("Epistula-Secret-Signature-2")).isEqualTo("0xsig4");
        assertThat(headers.getFirst("X-Client-Timeout")).isEqualTo("20");
        assertThat(headers.getFirst("task")).isEqualTo("InferenceTask");
        assertThat(headers.getFirst("mixture")).isEqualTo("False");
        assertThat(headers.getFirst("sampling_parameters")).startsWith("{'temperature': 0.7, 'top_p': 0.95");
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.get("stream").asBoolean()).isTrue();
        assertThat(json.get("messages").get(0).get("content").asText()).isEqualTo("Hi");
    }

    @Test
    void aMinersRefusalIsAnHttpStatusFailureWithItsDetail() throws Exception {
        status = 400;
        pieces = List.of("{\"detail\": \"Bad Request, message is not intended for self\"}");

        assertThat(ask().await(WAIT)).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(MinerFailure.Kind.HTTP_STATUS);
            assertThat(failure.message()).isEqualTo("HTTP 400: Bad Request, message is not intended for self");
        });
    }

    @Test
    void anErrorEventInTheStreamFailsTheAnswerButKeepsWhatCameBefore() throws Exception {
        pieces = List.of("data: {\"choices\":[{\"delta\":{\"content\":\"Par\"}}]}\n\n",
                "data: {\"error\": \"Internal server Error\"}\n\n");

        RecordingAnswer answer = ask();

        assertThat(answer.await(WAIT).message()).isEqualTo("the miner reported an error: Internal server Error");
        assertThat(answer.text()).isEqualTo("Par");
    }
}
