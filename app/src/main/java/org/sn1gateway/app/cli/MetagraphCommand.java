package org.sn1gateway.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** {@code metagraph [--format table|json] config.yml}: syncs the configured network's metagraph and prints it. */
public final class MetagraphCommand extends ConfiguredCommand<GatewayConfiguration> {
    public MetagraphCommand() {
        super("metagraph", "Syncs the configured network's metagraph and prints it");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--format").choices("table", "json").setDefault("table").help("output format");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("metagraph: " + error.getMessage());
    }

    @Override
    protected void run(Bootstrap<GatewayConfiguration> bootstrap, Namespace namespace, GatewayConfiguration config)
            throws Exception {
        Environment environment = new Environment(bootstrap.getApplication().getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), config);
        Metagraph metagraph = config.network().fetchMetagraph(environment);
        if ("json".equals(namespace.getString("format"))) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(json.writeValueAsString(metagraph.miners().stream().map(MetagraphCommand::row).toList()));
            return;
        }
        System.out.printf(Locale.ROOT, "netuid %d, block %d, %d neurons%n", metagraph.netuid(), metagraph.block(),
                metagraph.size());
        System.out.printf(Locale.ROOT, "%5s  %-48s  %9s  %12s  %6s  %-21s  %s%n", "uid", "hotkey", "incentive",
                "stake (TAO)", "permit", "axon", "available");
        for (Miner miner : metagraph.miners()) {
            System.out.printf(Locale.ROOT, "%5d  %-48s  %9.6f  %12.3f  %6s  %-21s  %s%n", miner.uid(), miner.hotkey(),
                    miner.incentive(), miner.stake(), miner.validatorPermit() ? "yes" : "no", miner.axon(),
                    AvailabilityRules.defaults().isAvailable(miner) ? "yes" : "no");
        }
    }

    private static Map<String, Object> row(Miner miner) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uid", miner.uid());
        row.put("hotkey", miner.hotkey());
        row.put("coldkey", miner.coldkey());
        row.put("incentive", miner.incentive());
        row.put("stake", miner.stake());
        row.put("validator_permit", miner.validatorPermit());
        row.put("axon", miner.axon().toString());
        row.put("available", AvailabilityRules.defaults().isAvailable(miner));
        return row;
    }
}
