package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.adapters.dendrite.RecordingAnswer.NO_FAILURE;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * The nonce race of bittensor.md §1.7: an axon that refuses a call because a newer nonce of ours arrived
 * first is asked once more with a fresh nonce; any other refusal stands.
 */
class SynapseNonceRaceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NONCE_RACE = "{\"message\": \"Not Verified with error: Nonce is too old, a newer one was last processed\"}";

    private HttpServer server;
    private final List<Long> nonces = new CopyOnWriteArrayList<>();
    private final List<String> uuids = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch arrived = new CountDownLatch(3);
    private final SynapseDendrite dendrite = new SynapseDendrite(MinerHttpClients.create(Duration.ofSeconds(2)),
            new RequestSigner() {
                @Override
                public String hotkey() {
                    return "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
                }

                @Override
                public Optional<String> sign(String message) {
                    return Optional.of("0xsig");
                }
            }, NonceSource.systemClock(), 1 << 20);
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private volatile String refusal = NONCE_RACE;

    private void startAxon(int refusals) throws Exception {
        refusalsLeft.set(refusals);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            nonces.add(Long.parseLong(exchange.getRequestHeaders().getFirst("bt_header_dendrite_nonce")));
            uuids.add(exchange.getRequestHeaders().getFirst("bt_header_dendrite_uuid"));
            arrived.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean refuse = refusalsLeft.getAndDecrement() > 0;
            byte[] body = (refuse ? refusal : "Hello there").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", refuse ? "application/json" : "text/event-stream");
            exchange.sendResponseHeaders(refuse ? 401 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopAxon() {
        server.stop(0);
    }

    private RecordingAnswer call() {
        Miner miner = new Miner(3, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "coldkey",
                new AxonEndpoint("127.0.0.1", server.getAddress().getPort()), 0.1, 1, false);
        RecordingAnswer answer = new RecordingAnswer();
        dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.USER, "Hi")), Duration.ofSeconds(20)), answer);
        return answer;
    }

    @Test
    void aCallLosingTheNonceRaceIsSentOnceMoreWithANewerNonce() throws Exception {
        startAxon(1);

        RecordingAnswer answer = call();

        assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(answer.text()).isEqualTo("Hello there");
        assertThat(nonces).hasSize(2);
        assertThat(nonces.get(1)).isGreaterThan(nonces.get(0));
    }

    @Test
    void aSecondRaceInARowIsReportedAsTheMinersRefusal() throws Exception {
        startAxon(2);

        MinerFailure failure = call().await(WAIT);

        assertThat(failure.kind()).isEqualTo(MinerFailure.Kind.HTTP_STATUS);
        assertThat(failure.message()).startsWith("HTTP 401").contains("Nonce is too old");
        assertThat(nonces).hasSize(2);
    }

    @Test
    void callsToOneAxonAtTheSameTimeNeverShareAUuidAndLaterCallsReuseThem() throws Exception {
        hold = new CountDownLatch(1);
        startAxon(0);

        List<RecordingAnswer> together = List.of(call(), call(), call());
        assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("three calls in flight").isTrue();
        hold.countDown();
        for (RecordingAnswer answer : together) {
            assertThat(answer.await(WAIT)).isEqualTo(NO_FAILURE);
        }
        RecordingAnswer later = call();

        assertThat(later.await(WAIT)).isEqualTo(NO_FAILURE);
        assertThat(Set.copyOf(uuids.subList(0, 3))).as("distinct while in flight").hasSize(3);
        assertThat(uuids.subList(0, 3)).as("reused afterwards, so the axon stores few").contains(uuids.get(3));
    }

    @Test
    void otherRefusalsAreNotRetried() throws Exception {
        refusal = "{\"message\": \"Not Verified with error: Signature mismatch\"}";
        startAxon(1);

        MinerFailure failure = call().await(WAIT);

        assertThat(failure.message()).contains("Signature mismatch");
        assertThat(nonces).hasSize(1);
    }
}
