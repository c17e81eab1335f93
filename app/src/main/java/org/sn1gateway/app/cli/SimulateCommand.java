package org.sn1gateway.app.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.adapters.simulation.MinerBehaviour;
import org.sn1gateway.adapters.simulation.SimulatedSubnet;
import org.sn1gateway.adapters.simulation.SimulationSettings;
import org.sn1gateway.domain.model.Miner;

/**
 * {@code simulate [--miners N] [--behaviours a,b,...] [--port P] [--seed S] [--time-scale T]}: runs a
 * simulated subnet's axons in a process of their own, on fixed loopback ports, and prints the
 * {@code network:} section of a gateway that queries them as a {@code static} network. Benchmarks use it
 * so that the miners' work is not counted as the gateway's.
 */
public final class SimulateCommand extends Command {
    public SimulateCommand() {
        super("simulate", "Runs simulated miner axons on loopback ports until stopped, for a static network");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--miners").type(Integer.class).setDefault(16).help("miner axons (a validator is added)");
        subparser.addArgument("--behaviours").setDefault("")
                .help("behaviours of uids 0, 1, ... (comma-separated; the last one repeats); empty draws them");
        subparser.addArgument("--port").type(Integer.class).setDefault(10200).help("uid n listens on port + n");
        subparser.addArgument("--seed").type(Long.class).setDefault(42L).help("decides keys, behaviours, incentives");
        subparser.addArgument("--time-scale").type(Double.class).setDefault(1.0).help("multiplies every delay");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("simulate: " + error.getMessage());
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws InterruptedException {
        SimulatedSubnet subnet = start(namespace);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subnet.close();
            stopped.countDown();
        }));
        printNetwork(subnet, System.out);
        System.out.flush();
        stopped.await();
    }

    static SimulatedSubnet start(Namespace namespace) {
        int miners = namespace.getInt("miners");
        if (miners < 1 || miners > 1_024) {
            throw new IllegalArgumentException("--miners must be between 1 and 1024");
        }
        return SimulatedSubnet.start(new SimulationSettings(miners, namespace.getLong("seed"),
                behaviours(namespace.getString("behaviours"), miners), namespace.getDouble("time_scale"),
                namespace.getInt("port")));
    }

    /** Names as in the simulated network's YAML; the last one given fills the remaining uids. */
    static List<MinerBehaviour> behaviours(String names, int miners) {
        List<MinerBehaviour> behaviours = new ArrayList<>();
        if (names.isBlank()) {
            return behaviours;
        }
        for (String name : names.split(",")) {
            try {
                behaviours.add(MinerBehaviour.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown behaviour '" + name.strip() + "'");
            }
        }
        if (behaviours.size() > miners) {
            throw new IllegalArgumentException(behaviours.size() + " behaviours for " + miners + " miners");
        }
        while (behaviours.size() < miners) {
            behaviours.add(behaviours.getLast());
        }
        return behaviours;
    }

    /** The gateway's {@code network:} section for these axons; the requests must be signed (see {@code wallet}). */
    static void printNetwork(SimulatedSubnet subnet, PrintStream out) {
        List<Miner> neurons = subnet.metagraph().miners();
        out.println("# " + neurons.size() + " simulated axons (the last is a validator, never queried). A gateway");
        out.println("# queries them with this network section and a wallet of its own: they verify signatures.");
        out.println("network:");
        out.println("  type: static");
        out.println("  protocol: synapse");
        out.println("  miners:");
        for (Miner miner : neurons) {
            out.printf(Locale.ROOT, "    - {uid: %d, hotkey: %s, coldkey: %s, host: %s, port: %d, incentive: %.6f,"
                            + " stake: %.1f, validatorPermit: %b}%n", miner.uid(), miner.hotkey(), miner.coldkey(),
                    miner.axon().ip(), miner.axon().port(), miner.incentive(), miner.stake(), miner.validatorPermit());
        }
    }
}
