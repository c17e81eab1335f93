package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dropwizard.core.setup.Environment;
import java.util.Optional;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.network.SyncedMetagraph;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/** The {@code network:} section: which subnet the gateway talks to. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SimulatedNetworkFactory.class, name = "simulated"),
        @JsonSubTypes.Type(value = StaticNetworkFactory.class, name = "static"),
        @JsonSubTypes.Type(value = BittensorNetworkFactory.class, name = "bittensor")})
public interface NetworkFactory {
    /** Builds the network and registers whatever it must start and stop with the environment. */
    MinerNetwork build(Environment environment);

    /** The metagraph as the network sees it now, for the {@code metagraph} command. */
    default Metagraph fetchMetagraph(Environment environment) {
        return build(environment).metagraph();
    }

    /** The hotkey that signs requests to real miners, for the {@code wallet} health check. */
    default Optional<RequestSigner> signer() {
        return Optional.empty();
    }

    /** The background sync of the metagraph, for networks that read it from a chain. */
    default Optional<SyncedMetagraph> metagraphSync() {
        return Optional.empty();
    }

    /** The protocol each uid is asked in, as the query log records it. */
    String protocolOf(int uid);
}
