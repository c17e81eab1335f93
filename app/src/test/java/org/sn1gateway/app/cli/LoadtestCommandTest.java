package org.sn1gateway.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.CommandLine;
import org.sn1gateway.app.support.GatewayFixture;
import org.sn1gateway.app.support.StalledStreams;

/** loadtest against a running gateway: counts, timings and errors as the streams really went. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoadtestCommandTest {
    /**
     * test-config.yml's miners, but uid 6 fast instead of breaking off: with k = 8 the miner that breaks off can
     * be the first to answer on a busy machine, and then its chat fails after its text, which no wave mends.
     */
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension(
            ConfigOverride.config("network.behaviours", "fast,slow,empty,refusal,http_error,hanging,fast,fast"));

    private static JsonNode loadtest(String... options) throws Exception {
        String[] arguments = new String[options.length + 6];
        arguments[0] = "loadtest";
        arguments[1] = "--url=http://127.0.0.1:" + APP.getLocalPort();
        arguments[2] = "--api-key=" + API_KEY;
        arguments[3] = "--format=json";
        arguments[4] = "--timeout=30s";
        arguments[5] = "--prompt=one two three four";
        System.arraycopy(options, 0, arguments, 6, options.length);
        CommandLine.Result result = CommandLine.run(new LoadtestCommand(), arguments);
        assertThat(result.succeeded()).as(result.err()).isTrue();
        return report(result.out());
    }

    /**
     * The report, the first JSON value printed: the gateway under test runs in this JVM and writes its
     * access log to the same standard output.
     */
    private static JsonNode report(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (JsonParser parser = json.createParser(out.substring(out.indexOf("{\n")))) {
            return json.readTree(parser);
        }
    }

    @Test
    void measuresEveryStreamOfARunWithItsChunksAndTimes() throws Exception {
        JsonNode report = loadtest("--path=/echo", "--requests=24", "--concurrency=6", "--k=2");

        assertThat(report.get("requests").asInt()).isEqualTo(24);
        assertThat(report.get("succeeded").asInt()).isEqualTo(24);
        assertThat(report.get("errors").size()).isZero();
        // /echo sends the four words back k = 2 times: 8 chunks with text per chat.
        assertThat(report.get("chunks_per_second").asDouble() * report.get("seconds").asDouble())
                .isCloseTo(24 * 8, org.assertj.core.data.Offset.offset(0.5));
        JsonNode first = report.get("time_to_first_chunk_ms");
        JsonNode total = report.get("total_time_ms");
        assertThat(first.get("p50").asDouble()).isPositive();
        assertThat(first.get("p50").asDouble()).isLessThanOrEqualTo(first.get("p90").asDouble());
        assertThat(first.get("p99").asDouble()).isLessThanOrEqualTo(first.get("max").asDouble());
        assertThat(total.get("p50").asDouble()).isGreaterThanOrEqualTo(first.get("p50").asDouble());
    }

    /** With k = 8 a fast miner answers every chat; the gateway's own share is a part of the wait. */
    @Test
    void aTracedRunSeparatesTheGatewaysShareOfTheTimeToFirstChunk() throws Exception {
        JsonNode report = loadtest("--path=/chat", "--requests=8", "--concurrency=2", "--k=8", "--trace");

        assertThat(report.get("succeeded").asInt()).isEqualTo(8);
        JsonNode added = report.get("added_time_to_first_chunk_ms");
        JsonNode first = report.get("time_to_first_chunk_ms");
        assertThat(added.get("p50").asDouble()).isPositive().isLessThan(first.get("p50").asDouble());
        assertThat(added.get("max").asDouble()).isLessThanOrEqualTo(first.get("max").asDouble());
        assertThat(loadtest("--path=/chat", "--requests=2", "--k=8").get("added_time_to_first_chunk_ms").isNull())
                .as("nothing is measured without --trace, and nothing is reported").isTrue();
        CommandLine.Result table = CommandLine.run(new LoadtestCommand(), "loadtest",
                "--url=http://127.0.0.1:" + APP.getLocalPort(), "--api-key=" + API_KEY, "--path=/echo",
                "--requests=2", "--prompt=one two");
        assertThat(table.out()).contains("time to first chunk").doesNotContain("added by the gateway");
    }

    /** The warm-up's chats reach the gateway but not the report. */
    @Test
    void forgetsTheWarmUpAndRampsUp() throws Exception {
        long before = requestsServed();
        JsonNode report = loadtest("--path=/echo", "--requests=6", "--concurrency=3", "--warmup=1s", "--ramp-up=100ms");

        assertThat(report.get("requests").asInt()).isEqualTo(6);
        assertThat(report.get("succeeded").asInt()).isEqualTo(6);
        assertThat(requestsServed() - before).as("warm-up chats were sent too").isGreaterThan(6);
    }

    /**
     * Each worker reads its stream to the end and sends its next chat on the same connection: a new
     * connection per chat would be timed as part of every first chunk.
     */
    @Test
    void keepsItsConnectionsFromOneChatToTheNext() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Connection.Listener counter = new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened.incrementAndGet();
            }
        };
        ServerConnector connector = applicationConnector();
        connector.addEventListener(counter);
        try {
            JsonNode report = loadtest("--path=/echo", "--requests=12", "--concurrency=2");

            assertThat(report.get("succeeded").asInt()).isEqualTo(12);
            assertThat(opened.get()).isBetween(1, 2);
        } finally {
            connector.removeEventListener(counter);
        }
    }

    private static ServerConnector applicationConnector() {
        return Arrays.stream(APP.getEnvironment().getApplicationContext().getServer().getConnectors())
                .map(ServerConnector.class::cast).filter(connector -> connector.getLocalPort() == APP.getLocalPort())
                .findFirst().orElseThrow();
    }

    /** --think-time pauses each stream between its chats: four chats of one stream take three pauses. */
    @Test
    void pausesBetweenAStreamsChats() throws Exception {
        JsonNode report = loadtest("--path=/echo", "--requests=4", "--concurrency=1", "--think-time=300ms");

        assertThat(report.get("succeeded").asInt()).isEqualTo(4);
        assertThat(report.get("seconds").asDouble()).isGreaterThanOrEqualTo(0.9);
    }

    /** --timeout bounds the whole chat: a stream that stalls after its headers is given up, not waited on. */
    @Test
    void givesUpAStreamThatStallsAfterItsHeaders() throws Exception {
        try (StalledStreams server = new StalledStreams()) {
            CommandLine.Result result = CommandLine.run(new LoadtestCommand(), "loadtest",
                    "--url=http://127.0.0.1:" + server.port(), "--api-key=any", "--format=json", "--requests=2",
                    "--concurrency=2", "--timeout=300ms");

            assertThat(result.succeeded()).as(result.err()).isTrue();
            JsonNode report = report(result.out());
            assertThat(report.get("errors").get("timeout").asInt()).isEqualTo(2);
            assertThat(server.served()).isEqualTo(2);
        }
    }

    /** --query-timeout is the chat's own timeout field: a value the API refuses shows that it was sent. */
    @Test
    void sendsTheQueryTimeoutInTheChat() throws Exception {
        JsonNode refused = loadtest("--path=/chat", "--requests=2", "--query-timeout=500s");

        assertThat(refused.get("errors").get("http_422").asInt()).isEqualTo(2);
    }

    /** 4xx responses only: a chat of an earlier test that ends late cannot be counted among them. */
    private static long clientErrorsServed() {
        return APP.getEnvironment().metrics().getMeters().entrySet().stream()
                .filter(meter -> meter.getKey().endsWith(".4xx-responses") && meter.getKey().contains("MutableServletContextHandler"))
                .mapToLong(meter -> meter.getValue().getCount()).sum();
    }

    private static long requestsServed() {
        return APP.getEnvironment().metrics().getTimers().entrySet().stream()
                .filter(timer -> timer.getKey().endsWith(".requests") && timer.getKey().contains("MutableServletContextHandler"))
                .mapToLong(timer -> timer.getValue().getCount()).sum();
    }

    /** The gateway under test runs in this process, so its CPU time is this process's. */
    @Test
    void reportsTheCpuTimeOfTheProcessesItIsToldOf() throws Exception {
        long self = ProcessHandle.current().pid();
        JsonNode cpu = loadtest("--path=/echo", "--requests=40", "--concurrency=4", "--cpu-of", Long.toString(self))
                .get("cpu");

        assertThat(cpu).hasSize(2);
        assertThat(cpu.get(0).get("process").asText()).isEqualTo("loadtest");
        JsonNode gateway = cpu.get(1);
        assertThat(gateway.get("process").asText()).isEqualTo("pid " + self);
        assertThat(gateway.get("cpu_seconds").asDouble()).isPositive();
        assertThat(gateway.get("ms_per_chat").asDouble())
                .isCloseTo(gateway.get("cpu_seconds").asDouble() * 1_000 / 40, org.assertj.core.data.Offset.offset(1e-6));

        CommandLine.Result missing = CommandLine.run(new LoadtestCommand(), "loadtest",
                "--url=http://127.0.0.1:" + APP.getLocalPort(), "--api-key=" + API_KEY, "--requests=1",
                "--cpu-of", Long.toString(Long.MAX_VALUE));
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.err()).contains("--cpu-of: there is no process " + Long.MAX_VALUE);
    }

    @Test
    void speaksTheOpenAiApiAndCountsFailuresByKind() throws Exception {
        JsonNode openAi = loadtest("--path=/v1/chat/completions", "--requests=4", "--concurrency=2", "--k=3");

        assertThat(openAi.get("requests").asInt()).isEqualTo(4);
        // The test subnet's miners include broken ones: a chat may fail, but only as the API says it does.
        int failed = 0;
        for (var kind = openAi.get("errors").fields(); kind.hasNext(); ) {
            var entry = kind.next();
            assertThat(entry.getKey()).isIn("stream_error", "http_502", "http_503", "http_504");
            failed += entry.getValue().asInt();
        }
        assertThat(openAi.get("succeeded").asInt() + failed).isEqualTo(4);
    }

    /** Every chat with a key the server refuses would be refused: the run stops at the first, in one line. */
    @Test
    void stopsAtTheFirstRefusalOfItsKey() throws Exception {
        for (String path : new String[] {"/chat", "/v1/chat/completions"}) {
            long before = clientErrorsServed();
            CommandLine.Result result = CommandLine.run(new LoadtestCommand(), "loadtest",
                    "--url=http://127.0.0.1:" + APP.getLocalPort(), "--api-key=wrong-key", "--format=json",
                    "--requests=50", "--concurrency=1", "--path=" + path);

            assertThat(result.succeeded()).as(path).isFalse();
            assertThat(result.err().lines().toList()).as(path).singleElement().asString()
                    .startsWith("loadtest: the server refused the API key (HTTP 401): ")
                    .contains("Credentials are required");
            await().atMost(Duration.ofSeconds(10)).until(() -> clientErrorsServed() > before);
            assertThat(clientErrorsServed() - before).as(path).isEqualTo(1);
        }
    }
}
