package org.sn1gateway.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.persistence.SchemaMigrations;
import org.sn1gateway.adapters.persistence.TimingAnalysis;
import org.sn1gateway.app.api.TimingsView;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.domain.model.MinerTimings;

/**
 * {@code timings [--since DURATION] [--format table|json|csv] config.yml}: per-miner counts, success rate,
 * time to first chunk and total time percentiles and characters per second, from the query log. Works
 * while the server runs (the embedded H2 is opened in mixed mode).
 */
public final class TimingsCommand extends ConfiguredCommand<GatewayConfiguration> {
    public TimingsCommand() {
        super("timings", "Per-miner timing statistics from the query log");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--since").help("only answers of the last DURATION (90s, 30m, 1h, 7d, or '2 hours')");
        subparser.addArgument("--format").choices("table", "json", "csv").setDefault("table").help("output format");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("timings: " + error.getMessage());
    }

    @Override
    protected void run(Bootstrap<GatewayConfiguration> bootstrap, Namespace namespace, GatewayConfiguration config)
            throws Exception {
        Instant since = namespace.getString("since") == null ? Instant.EPOCH
                : Instant.now().minus(DurationArgument.parse(namespace.getString("since")));
        ManagedDataSource dataSource = config.database().build(bootstrap.getMetricRegistry(), "timings");
        try {
            SchemaMigrations.apply(dataSource);
            print(new TimingAnalysis(Jdbi.create(dataSource)).since(since), namespace.getString("format"));
        } finally {
            dataSource.stop();
        }
    }

    private static void print(List<MinerTimings> stats, String format) throws Exception {
        switch (format) {
            case "json" -> System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(TimingsView.of(stats)));
            case "csv" -> {
                System.out.println(TimingsView.CSV_HEADER);
                TimingsView.of(stats).forEach(view -> System.out.println(view.csvLine()));
            }
            default -> {
                System.out.printf(Locale.ROOT, "%5s %8s %8s %9s %9s %10s %10s %8s%n", "uid", "queries", "success",
                        "ttfc p50", "ttfc p95", "total p50", "total p95", "chars/s");
                stats.forEach(s -> System.out.printf(Locale.ROOT, "%5d %8d %7.1f%% %9s %9s %10s %10s %8s%n", s.uid(),
                        s.queries(), s.successRate() * 100, seconds(s.ttfcP50()), seconds(s.ttfcP95()),
                        seconds(s.totalP50()), seconds(s.totalP95()),
                        s.charsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.charsPerSecond())));
            }
        }
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3fs", value);
    }
}
