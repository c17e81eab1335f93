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
import org.sn1gateway.adapters.dendrite.MinerHttpClients;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.dendrite.NonceSource;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.simulation.MinerBehaviour;
import org.sn1gateway.adapters.simulation.SimulatedSubnet;
import org.sn1gateway.adapters.simulation.SimulationSettings;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: simulated}: the server starts a local subnet of miner axons on loopback and queries them
 * over real HTTP with the classic synapse protocol.
 */
public class SimulatedNetworkFactory implements NetworkFactory {
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

    private SimulatedSubnet subnet;

    @Override
    public MinerNetwork build(Environment environment) {
        subnet = SimulatedSubnet.start(new SimulationSettings(miners, seed, behaviours, timeScale));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                subnet.close();
            }
        });
        SynapseDendrite dendrite = new SynapseDendrite(MinerHttpClients.create(connectTimeout.toJavaDuration()),
                subnet.gatewayHotkey(), NonceSource.systemClock(),
                maxAnswerSize.toBytes());
        return new DendriteMinerNetwork(subnet::metagraph, dendrite);
    }

    /** The simulated metagraph, with its axons stopped again afterwards. */
    @Override
    public Metagraph fetchMetagraph(Environment environment) {
        try (SimulatedSubnet started = SimulatedSubnet.start(new SimulationSettings(miners, seed, behaviours, timeScale))) {
            return started.metagraph();
        }
    }

    @Override
    public String protocolOf(int uid) {
        return MinerProtocol.SYNAPSE.configName();
    }

    /** The subnet {@link #build} started, for operators' tools and tests. */
    public SimulatedSubnet subnet() {
        if (subnet == null) {
            throw new IllegalStateException("the simulated subnet has not been started");
        }
        return subnet;
    }
}
