package org.sn1gateway.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.app.loadtest.CpuShare;
import org.sn1gateway.app.loadtest.LoadGenerator;
import org.sn1gateway.app.loadtest.LoadReport;

/**
 * {@code loadtest --url URL --api-key KEY [--concurrency C] [--requests N | --duration D] [--k K]
 * [--path /chat|/v1/chat/completions] [--format table|json] [--query-timeout D]
 * [--ramp-up D] [--warmup D] [--cpu-of PID...]}: drives any server with this API with
 * concurrent streamed chats and prints time-to-first-chunk and total-time percentiles, throughput and
 * errors by kind.
 */
public final class LoadtestCommand extends Command {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LoadtestCommand() {
        super("loadtest", "Drives a gateway with concurrent streamed chats and reports latency and throughput");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--url").required(true).help("the gateway, e.g. http://localhost:10000");
        subparser.addArgument("--api-key").required(true).help("a key the gateway accepts");
        subparser.addArgument("--concurrency").type(Integer.class).setDefault(10).help("streams at once");
        subparser.addArgument("--requests").type(Integer.class).help("how many chats in all (default 100)");
        subparser.addArgument("--duration").help("or: run for this long (30s, 5m)");
        subparser.addArgument("--k").type(Integer.class).setDefault(1).help("miners per chat");
        subparser.addArgument("--path").setDefault("/chat").help("/chat, /v1/chat/completions or /echo");
        subparser.addArgument("--prompt").setDefault("Explain in one paragraph what a validator does.");
        subparser.addArgument("--timeout").setDefault("60s").help("per chat, from sending to the last event");
        subparser.addArgument("--query-timeout")
                .help("the chats' own timeout: how long the gateway waits for miners (the API's default if not given)");
        subparser.addArgument("--ramp-up").setDefault("0s")
                .help("start the concurrent streams evenly over this long instead of all at once");
        subparser.addArgument("--warmup").setDefault("0s")
                .help("run the same load this long first and forget it (a fresh JVM is slow at first)");
        subparser.addArgument("--think-time").setDefault("0s")
                .help("each stream waits this long after a chat before its next, as a person reading would");
        subparser.addArgument("--http2").action(Arguments.storeTrue())
                .help("carry the streams on HTTP/2 without TLS (a gateway with an h2c connector) instead of"
                        + " one HTTP/1.1 connection each");
        subparser.addArgument("--format").choices("table", "json").setDefault("table");
        subparser.addArgument("--cpu-of").type(Long.class).nargs("+").setDefault(List.of())
                .help("ids of local processes (the gateway, its miners) whose CPU time per chat to report");
        subparser.addArgument("--trace").action(Arguments.storeTrue()).help("ask /chat for miner events and report the"
                + " time the gateway added to its miner's time to first chunk");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("loadtest: " + error.getMessage());
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int concurrency = namespace.getInt("concurrency");
        Integer requests = namespace.getInt("requests");
        String duration = namespace.getString("duration");
        if (concurrency < 1 || (requests != null && requests < 1)) {
            throw new IllegalArgumentException("--concurrency and --requests must be at least 1");
        }
        if (requests != null && duration != null) {
            throw new IllegalArgumentException("give --requests or --duration, not both");
        }
        String path = namespace.getString("path");
        boolean openAi = path.startsWith("/v1/");
        if (openAi && namespace.getBoolean("trace")) {
            throw new IllegalArgumentException("--trace measures /chat only");
        }
        List<Long> cpuOf = namespace.getList("cpu_of");
        cpuReadings(cpuOf); // fails now, not after the run, when a process is not there
        List<CpuShare.Reading> cpu = new ArrayList<>();
        LoadReport measured = LoadGenerator.run(new LoadGenerator.Plan(
                URI.create(namespace.getString("url").replaceAll("/+$", "") + path),
                namespace.getString("api_key"), body(openAi, namespace),
                openAi, concurrency, duration == null && requests == null ? Integer.valueOf(100) : requests,
                duration == null ? null : DurationArgument.parse(duration),
                DurationArgument.parse(namespace.getString("timeout")),
                DurationArgument.parse(namespace.getString("warmup")),
                DurationArgument.parse(namespace.getString("ramp_up")),
                DurationArgument.parse(namespace.getString("think_time")), namespace.getBoolean("http2")),
                () -> cpu.addAll(cpuReadings(cpuOf)));
        LoadReport report = measured.withCpu(cpu.stream()
                .map(reading -> reading.since(measured.seconds(), measured.requests())).toList());
        if ("json".equals(namespace.getString("format"))) {
            System.out.println(JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(report);
        }
    }

    private static List<CpuShare.Reading> cpuReadings(List<Long> pids) {
        List<CpuShare.Reading> readings = new ArrayList<>();
        readings.add(CpuShare.Reading.of("loadtest", ProcessHandle.current()));
        for (long pid : pids) {
            readings.add(CpuShare.Reading.of("pid " + pid, ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalArgumentException("--cpu-of: there is no process " + pid))));
        }
        return readings;
    }

    private static String body(boolean openAi, Namespace namespace) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        String prompt = namespace.getString("prompt");
        if (openAi) {
            body.putAll(Map.of("model", "sn1", "stream", true, "messages", List.of(Map.of("role", "user", "content", prompt))));
        } else {
            body.putAll(Map.of("messages", List.of(prompt), "roles", List.of("user"), "trace", namespace.getBoolean("trace")));
        }
        body.put("k", namespace.getInt("k"));
        String queryTimeout = namespace.getString("query_timeout");
        if (queryTimeout != null) {
            body.put("timeout", DurationArgument.parse(queryTimeout).toMillis() / 1000.0);
        }
        return JSON.writeValueAsString(body);
    }

    private static void print(LoadReport report) {
        System.out.printf(Locale.ROOT, "%d chats (%d succeeded) at concurrency %d in %.1f s: %.1f chats/s, %.0f chunks/s%n",
                report.requests(), report.succeeded(), report.concurrency(), report.seconds(),
                report.requestsPerSecond(), report.chunksPerSecond());
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "ms", "p50", "p90", "p99", "max");
        row("time to first chunk", report.timeToFirstChunk());
        row("total time", report.totalTime());
        if (report.addedTimeToFirstChunk() != null) {
            row("added by the gateway", report.addedTimeToFirstChunk());
        }
        System.out.println(report.errors().isEmpty() ? "errors: none" : "errors: " + report.errors());
        for (CpuShare share : report.cpu()) {
            System.out.printf(Locale.ROOT, "cpu of %-12s %8.1f s  %5.2f cores  %7.3f ms per chat%n", share.process(),
                    share.cpuSeconds(), share.cores(), share.millisPerChat());
        }
    }

    /** A row of dashes when nothing was measured (no chat succeeded). */
    private static void row(String name, LoadReport.Percentiles percentiles) {
        if (percentiles == null) {
            System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", name, "-", "-", "-", "-");
            return;
        }
        System.out.printf(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f %9.2f%n", name, percentiles.p50(), percentiles.p90(),
                percentiles.p99(), percentiles.max());
    }
}
