package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Role;
import org.sn1gateway.domain.port.MinerFailure;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * An upstream's TLS is checked: a server whose certificate no trusted authority signed is never sent the
 * chat (nor its API key), whatever it would answer.
 */
class UpstreamTlsTest {
    private static final String PASSWORD = "changeit";

    /** A self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    private static Path selfSigned(Path directory) throws Exception {
        Path keystore = directory.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keystore;
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void anUntrustedCertificateFailsTheCallBeforeAnythingIsSent(@TempDir Path directory) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(selfSigned(directory))));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        HttpClient http = MinerHttpClients.create(Duration.ofSeconds(5));
        try {
            Upstream upstream = new Upstream("self-signed", URI.create("https://127.0.0.1:" + server.getAddress().getPort()
                    + "/v1"), "sk-secret", "model", Map.of(), 2);
            UpstreamDendrite dendrite = new UpstreamDendrite(http, List.of(upstream), 1, InstantSource.system(), 1 << 20);
            RecordingAnswer answer = new RecordingAnswer();

            dendrite.call(dendrite.metagraph().miners().getFirst(),
                    new MinerPrompt(List.of(new Message(Role.USER, "Hi")), Duration.ofSeconds(10)), answer);

            MinerFailure failure = answer.await(Duration.ofSeconds(20));
            assertThat(failure.kind()).isEqualTo(MinerFailure.Kind.CONNECT);
            assertThat(failure.reason().code()).isEqualTo("tls_failed");
            assertThat(answer.text()).isEmpty();
            assertThat(requests).as("the server never got the request").hasValue(0);
        } finally {
            http.stop();
            server.stop(0);
        }
    }
}
