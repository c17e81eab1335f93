package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.sn1gateway.domain.model.Metagraph;

/**
 * The {@code network:} section: which subnet the gateway talks to, and the OpenAI-compatible upstreams that
 * answer in its place when its miners cannot ({@code fallback}, the same for every type).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SimulatedNetworkFactory.class, name = "simulated"),
        @JsonSubTypes.Type(value = StaticNetworkFactory.class, name = "static"),
        @JsonSubTypes.Type(value = BittensorNetworkFactory.class, name = "bittensor"),
        @JsonSubTypes.Type(value = OpenAiNetworkFactory.class, name = "openai")})
public abstract class NetworkFactory {
    @Valid
    @NotNull
    @JsonProperty
    private List<UpstreamSettings> fallback = new ArrayList<>();

    @JsonIgnore
    @ValidationMethod(message = "fallback upstreams must have different names")
    public boolean isFallbackNamesDistinct() {
        return UpstreamSettings.namesDistinct(fallback);
    }

    /** Whether the network's answers come from subnet miners, whom the gateway probes, rather than paid upstreams. */
    public boolean asksMiners() {
        return true;
    }

    /** Builds the network and registers whatever it must start and stop with the environment. */
    public abstract BuiltNetwork build(Environment environment);

    /** {@link #build}, with the fallback upstreams beside the network when some are configured. */
    public final BuiltNetwork buildWithFallback(Environment environment) {
        BuiltNetwork built = build(environment);
        return fallback == null || fallback.isEmpty() ? built : FallbackUpstreams.attach(environment, fallback, built);
    }

    /** The metagraph as the network sees it now, for the {@code metagraph} command. */
    public Metagraph fetchMetagraph(Environment environment) {
        return build(environment).network().metagraph();
    }
}
