package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dropwizard.core.setup.Environment;
import org.sn1gateway.domain.model.Metagraph;

/** The {@code network:} section: which subnet the gateway talks to. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SimulatedNetworkFactory.class, name = "simulated"),
        @JsonSubTypes.Type(value = StaticNetworkFactory.class, name = "static"),
        @JsonSubTypes.Type(value = BittensorNetworkFactory.class, name = "bittensor"),
        @JsonSubTypes.Type(value = OpenAiNetworkFactory.class, name = "openai")})
public interface NetworkFactory {
    /** Builds the network and registers whatever it must start and stop with the environment. */
    BuiltNetwork build(Environment environment);

    /** The metagraph as the network sees it now, for the {@code metagraph} command. */
    default Metagraph fetchMetagraph(Environment environment) {
        return build(environment).network().metagraph();
    }
}
