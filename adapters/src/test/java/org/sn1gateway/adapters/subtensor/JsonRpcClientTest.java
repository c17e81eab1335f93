package org.sn1gateway.adapters.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sn1gateway.adapters.subtensor.TestSubtensorServer.Reply;

class JsonRpcClientTest {
    private static final JsonRpcClient.Settings FAST = new JsonRpcClient.Settings(Duration.ofSeconds(2),
            Duration.ofMillis(500), 4 << 20, Duration.ofSeconds(30), Duration.ofSeconds(60));
    /** For calls that must be answered: a fresh JVM on a busy machine can take over 500 ms for 2 MB. */
    private static final JsonRpcClient.Settings PATIENT = new JsonRpcClient.Settings(FAST.connectTimeout(),
            Duration.ofSeconds(30), FAST.maxMessageBytes(), FAST.firstBackoff(), FAST.maxBackoff());

    @Test
    void getsResultsErrorsAndLongFragmentedAnswers() throws Exception {
        String large = "0x" + "ab".repeat(1_000_000);
        try (TestSubtensorServer node = new TestSubtensorServer((method, params) -> switch (method) {
            case "chain_getHead" -> new Reply.Result(TextNode.valueOf("0xdb13"));
            case "state_call" -> new Reply.Result(TextNode.valueOf(large));
            default -> new Reply.Error(-32601, "Method not found");
        }); JsonRpcClient client = new JsonRpcClient(node.uri(), PATIENT)) {
            assertThat(client.call("chain_getHead", List.of()).asText()).isEqualTo("0xdb13");
            assertThat(client.call("state_call", List.of("NeuronInfoRuntimeApi_get_neurons_lite", "0100")).asText())
                    .isEqualTo(large);
            assertThatThrownBy(() -> client.call("nope", List.of())).isInstanceOf(SubtensorException.class)
                    .hasMessageContaining("nope: error -32601: Method not found");
            assertThat(node.connections()).isEqualTo(1);
        }
    }

    @Test
    void aCallWithoutAnswerTimesOutAloneAndTheConnectionGoesOn() throws Exception {
        try (TestSubtensorServer node = new TestSubtensorServer((method, params) -> method.equals("slow")
                ? new Reply.Silence() : new Reply.Result(TextNode.valueOf("ok")));
             JsonRpcClient client = new JsonRpcClient(node.uri(), FAST)) {
            assertThatThrownBy(() -> client.call("slow", List.of())).hasMessageContaining("no answer within 500 ms");
            assertThat(client.call("fast", List.of()).asText()).isEqualTo("ok");
        }
    }

    @Test
    void aDroppedConnectionFailsTheCallAndTheNextCallReconnects() throws Exception {
        // A call timeout far longer than noticing a drop takes, even on a busy machine: the first call must
        // fail because the connection was lost, not because its time ran out while the close was on its way.
        try (TestSubtensorServer node = new TestSubtensorServer((method, params) -> method.equals("crash")
                ? new Reply.Drop() : new Reply.Result(TextNode.valueOf("back")));
             JsonRpcClient client = new JsonRpcClient(node.uri(), PATIENT)) {
            assertThatThrownBy(() -> client.call("crash", List.of())).isInstanceOf(SubtensorException.class)
                    .hasMessageContaining("connection lost");
            assertThat(client.call("again", List.of()).asText()).isEqualTo("back");
            assertThat(node.connections()).isEqualTo(2);
        }
    }

    @Test
    void aDeadNodeFailsFastAndIsNotRetriedBeforeTheBackoff() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (JsonRpcClient client = new JsonRpcClient(URI.create("ws://127.0.0.1:" + port), FAST)) {
            assertThatThrownBy(() -> client.call("chain_getHead", List.of()))
                    .hasMessage("cannot connect to ws://127.0.0.1:" + port + ": the connection was refused");
            assertThatThrownBy(() -> client.call("chain_getHead", List.of())).hasMessageContaining("not reconnecting before");
        }
    }

    @Test
    void anUnknownHostIsSaidInWordsNotAsTheNameOfAnException() {
        // .invalid never resolves (RFC 6761): what a machine without DNS sees for finney's entrypoint.
        try (JsonRpcClient client = new JsonRpcClient(URI.create("wss://node.invalid:443"), FAST)) {
            assertThatThrownBy(() -> client.call("chain_getHead", List.of())).hasMessage(
                    "cannot connect to wss://node.invalid:443: the host name does not resolve (no DNS, or no internet?)");
        }
    }

    @Test
    void resolvesNetworkNames() {
        assertThat(SubtensorEndpoint.resolve("finney")).hasToString("wss://entrypoint-finney.opentensor.ai:443");
        assertThat(SubtensorEndpoint.resolve("test")).hasToString("wss://test.finney.opentensor.ai:443");
        assertThat(SubtensorEndpoint.resolve("local")).hasToString("ws://127.0.0.1:9944");
        assertThat(SubtensorEndpoint.resolve("ws://10.1.2.3:9944")).hasToString("ws://10.1.2.3:9944");
        assertThatThrownBy(() -> SubtensorEndpoint.resolve("mainnet")).hasMessageContaining("unknown subtensor network");
    }
}
