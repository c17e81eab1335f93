package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sn1gateway.adapters.dendrite.UpstreamDendrite;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.app.api.AnswerSources;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: openai}: OpenAI-compatible servers instead of miners (the original API's test mode,
 * generalised). Each upstream is a pseudo-miner: uid 0, 1, ... in the order listed, its name where a miner
 * has its hotkey, so that a chat's {@code k} slots go to the upstreams in turn.
 */
public class OpenAiNetworkFactory extends NetworkFactory {
    public static final String PROTOCOL = "openai";

    @Min(0)
    @JsonProperty
    private int netuid = 1;

    @Valid
    @NotEmpty
    @JsonProperty
    private List<UpstreamSettings> upstreams = new ArrayList<>();

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(5);

    @NotNull
    @JsonProperty
    private DataSize maxAnswerSize = DataSize.mebibytes(1);

    /** A name stands for its upstream in the header, the logs and the query log, so each must be its own. */
    @JsonIgnore
    @ValidationMethod(message = "upstreams must have different names")
    public boolean isNamesDistinct() {
        return UpstreamSettings.namesDistinct(upstreams);
    }

    @Override
    public boolean asksMiners() {
        return false;
    }

    @Override
    public BuiltNetwork build(Environment environment) {
        UpstreamDendrite dendrite = new UpstreamDendrite(MinerClients.started(environment, connectTimeout.toJavaDuration()),
                upstreams.stream().map(UpstreamSettings::toUpstream).toList(), netuid, InstantSource.system(),
                maxAnswerSize.toBytes());
        // Token counts the upstreams reported, as gauges; the query log has no column for them yet.
        environment.metrics().gauge("sn1.upstreams.prompt-tokens",
                () -> () -> dendrite.tokensUsed().values().stream().mapToLong(used -> used.promptTokens()).sum());
        environment.metrics().gauge("sn1.upstreams.completion-tokens",
                () -> () -> dendrite.tokensUsed().values().stream().mapToLong(used -> used.completionTokens()).sum());
        // The operator listed these servers, so no address policy applies.
        MinerNetwork network = new DendriteMinerNetwork(dendrite::metagraph, dendrite);
        AnswerSources sources = new AnswerSources() {
            @Override
            public String describe(int uid) {
                return AnswerSources.headerSafe(dendrite.describe(uid).orElse("upstream uid=" + uid));
            }

            @Override
            public Optional<String> model(int uid) {
                return dendrite.reportedModel(uid);
            }
        };
        return new BuiltNetwork(network, Optional.empty(), Optional.empty(), uid -> PROTOCOL, sources);
    }
}
