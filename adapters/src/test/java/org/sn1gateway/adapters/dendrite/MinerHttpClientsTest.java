package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the miner client sends and what it does with what a miner answers, seen from a raw socket: nothing a
 * miner says may make the gateway call elsewhere, remember anything, or change how an answer is encoded.
 */
class MinerHttpClientsTest {
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread acceptor;
    private HttpClient client;

    /** Answers every request with {@code response}, on a connection of its own, and keeps its head. */
    private void answerWith(String response) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    List<String> head = new ArrayList<>();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.add(line);
                    }
                    requests.add(head);
                    OutputStream out = socket.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @BeforeEach
    void startClient() {
        client = MinerHttpClients.create(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        if (server != null) {
            server.close();
            acceptor.join(Duration.ofSeconds(5));
        }
    }

    private ContentResponse post(String path) throws Exception {
        return client.newRequest(URI.create("http://127.0.0.1:" + server.getLocalPort() + path))
                .method(HttpMethod.POST).send();
    }

    private List<String> headerNames(int request) {
        return requests.get(request).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void asksForNoCompressionAndNamesNoSoftware() throws Exception {
        answerWith("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        post("/StreamPromptingSynapse");

        assertThat(headerNames(0)).doesNotContain("accept-encoding", "user-agent", "cookie");
    }

    @Test
    void neverFollowsARedirectNorRemembersAPermanentOne() throws Exception {
        answerWith("HTTP/1.1 308 Permanent Redirect\r\nLocation: http://127.0.0.1:9/elsewhere\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        ContentResponse first = post("/StreamPromptingSynapse");
        ContentResponse second = post("/StreamPromptingSynapse");

        assertThat(first.getStatus()).isEqualTo(308);
        assertThat(second.getStatus()).as("the second call went to the miner, not to the Location").isEqualTo(308);
        assertThat(requests).hasSize(2).allSatisfy(head -> assertThat(head.getFirst())
                .isEqualTo("POST /StreamPromptingSynapse HTTP/1.1"));
    }

    @Test
    void keepsNoCookieAMinerSets() throws Exception {
        answerWith("HTTP/1.1 200 OK\r\nSet-Cookie: session=miner-chosen; Path=/\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        post("/StreamPromptingSynapse");
        post("/StreamPromptingSynapse");

        assertThat(headerNames(1)).doesNotContain("cookie");
    }

    @Test
    void passesAnAuthenticationChallengeOnAsTheMinersRefusal() throws Exception {
        String body = "{\"message\": \"Nonce is too old\"}";
        answerWith("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"miner\"\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        ContentResponse refused = post("/StreamPromptingSynapse");

        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains("Nonce is too");
        assertThat(requests).hasSize(1);
    }
}
