package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/** A miner whose connect never completes fails at the connect timeout, not at the chat's. */
class UnreachableMinerTest {
    private static final RequestSigner UNSIGNED = new RequestSigner() {
        @Override
        public String hotkey() {
            return "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        }

        @Override
        public Optional<String> sign(String message) {
            return Optional.empty();
        }
    };

    @Test
    void aConnectThatNeverCompletesFailsAtTheConnectTimeout() throws Exception {
        // A listening socket that never accepts, its backlog filled: the kernel leaves further connects hanging.
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), neverAccepts.getLocalPort()), 200);
                        queued.add(socket);
                    } catch (IOException full) {
                        socket.close();
                        break;
                    }
                }
                SynapseDendrite dendrite = new SynapseDendrite(MinerHttpClients.create(Duration.ofMillis(500)),
                        UNSIGNED, NonceSource.systemClock(), 1 << 20);
                Miner miner = new Miner(9, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "coldkey",
                        new AxonEndpoint("127.0.0.1", neverAccepts.getLocalPort()), 0.1, 1, false);
                RecordingAnswer answer = new RecordingAnswer();

                dendrite.call(miner, new MinerPrompt(List.of(new Message(Role.USER, "Hi")), Duration.ofSeconds(60)),
                        answer);

                MinerFailure failure = answer.await(Duration.ofSeconds(20));
                assertThat(failure.kind()).isEqualTo(MinerFailure.Kind.CONNECT);
                assertThat(failure.message()).contains("connect timed out");
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
