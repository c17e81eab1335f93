package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.dendrite.NonceSource;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.adapters.network.AxonAddressPolicy;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.network.GuardedDendrite;
import org.sn1gateway.adapters.simulation.MinerBehaviour;
import org.sn1gateway.adapters.simulation.SimulatedSubnet;
import org.sn1gateway.adapters.simulation.SimulationSettings;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: simulated}: the server starts a local subnet of miner axons on loopback and queries them
 * over real HTTP with the classic synapse protocol.
 */
public class SimulatedNetworkFactory extends NetworkFactory {
    @Min(1)
    @Max(256)
    @JsonProperty
    private int miners = 16;

    @JsonProperty
    private long seed = 42;

    /** Behaviours of uids 0, 1, 2, ... by name (fast, slow, empty, refusal, http_error, hanging, broken_stream). */
    @NotNull
    @JsonProperty
    private List<MinerBehaviour> behaviours = new ArrayList<>();

    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    @JsonProperty
    private double timeScale = 1.0;

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private DataSize maxAnswerSize = DataSize.mebibytes(1);

    /** Gauges of the simulated axons: requests received (the gateway's and any other), and streams whose caller left. */
    public static final String REQUESTS_RECEIVED = "sn1.simulated-subnet.requests-received";
    public static final String STREAMS_ABANDONED = "sn1.simulated-subnet.streams-abandoned-by-caller";

    @Override
    public BuiltNetwork build(Environment environment) {
        SimulatedSubnet subnet = SimulatedSubnet.start(new SimulationSettings(miners, seed, behaviours, timeScale));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                subnet.close();
            }
        });
        environment.metrics().gauge(REQUESTS_RECEIVED, () -> subnet::requestsReceived);
        environment.metrics().gauge(STREAMS_ABANDONED, () -> subnet::streamsAbandonedByCaller);
        SynapseDendrite dendrite = new SynapseDendrite(MinerClients.started(environment, connectTimeout.toJavaDuration()),
                subnet.gatewayHotkey(), NonceSource.systemClock(), maxAnswerSize.toBytes());
        // The simulated axons listen on loopback, which only they may use.
        MinerNetwork network = new DendriteMinerNetwork(subnet::metagraph,
                new GuardedDendrite(dendrite, AxonAddressPolicy.anyAddress()));
        // The simulated validator signs, but it has no wallet for the health check to report.
        return new BuiltNetwork(network, Optional.empty(), Optional.empty(), uid -> MinerProtocol.SYNAPSE.configName());
    }

    /** The simulated metagraph, with its axons stopped again afterwards. */
    @Override
    public Metagraph fetchMetagraph(Environment environment) {
        try (SimulatedSubnet started = SimulatedSubnet.start(new SimulationSettings(miners, seed, behaviours, timeScale))) {
            return started.metagraph();
        }
    }
}
