package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * What the classic dendrite puts on the wire, as a miner on loopback receives it: the headers and body both
 * 2024 synapses accept (the Sep-Nov 2024 one requires {@code task_name}), with the body hash of the vectors.
 */
class SynapseDendriteTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private record Received(Headers headers, JsonNode body) {
    }

    private HttpServer server;
    private final CompletableFuture<Received> received = new CompletableFuture<>();

    @BeforeEach
    void startMiner() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.complete(new Received(exchange.getRequestHeaders(), new ObjectMapper().readTree(body)));
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("Paris.".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stopMiner() {
        server.stop(0);
    }

    private static JsonNode bodyHashCase(String name) throws Exception {
        try (InputStream in = SynapseDendriteTest.class.getResourceAsStream("/vectors/synapse_signing.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("body_hash_cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no body hash case " + name);
    }

    @Test
    void sendsTheSeptember2024TaskNameWithoutChangingTheBodyHash() throws Exception {
        JsonNode vector = bodyHashCase("single_user_message");
        SynapseDendrite dendrite = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)),
                RequestSigner.unsigned("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"), NonceSource.systemClock(),
                1 << 20);
        Miner miner = new Miner(3, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "",
                new AxonEndpoint("127.0.0.1", server.getAddress().getPort()), 1, 0, false);
        RecordingAnswer answer = new RecordingAnswer();

        dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.USER, vector.get("messages").get(0).asText())),
                Duration.ofSeconds(5)), answer);

        assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        Received request = received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String taskNameHeader = request.headers().getFirst("bt_header_input_obj_task_name");
        assertThat(taskNameHeader).isEqualTo("IiI=");
        assertThat(new String(Base64.getDecoder().decode(taskNameHeader), StandardCharsets.UTF_8)).isEqualTo("\"\"");
        assertThat(request.headers().getFirst("bt_header_input_obj_messages")).isEqualTo("W10=");
        assertThat(request.headers().getFirst("bt_header_input_obj_roles")).isEqualTo("W10=");
        assertThat(request.body().get("task_name").isTextual()).isTrue();
        assertThat(request.body().get("task_name").asText()).isEmpty();
        assertThat(request.body().get("required_hash_fields").toString()).isEqualTo("[\"messages\"]");
        assertThat(request.headers().getFirst("computed_body_hash"))
                .isEqualTo(vector.get("computed_body_hash").asText());
    }
}
