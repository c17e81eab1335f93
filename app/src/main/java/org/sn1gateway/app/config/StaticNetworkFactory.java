package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sn1gateway.adapters.dendrite.Dendrites;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.network.AxonAddressPolicy;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.network.GuardedDendrite;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: static}: a fixed list of miners from the YAML (private deployments, tests, benchmarks),
 * each asked in its own protocol. The operator lists them, so any address is allowed.
 */
public class StaticNetworkFactory extends NetworkFactory {
    @Min(0)
    @JsonProperty
    private int netuid = 1;

    @NotNull
    @JsonProperty
    private MinerProtocol protocol = MinerProtocol.EPISTULA;

    @Valid
    @NotEmpty
    @JsonProperty
    private List<StaticMiner> miners = new ArrayList<>();

    /** The validator hotkey that signs requests; without it requests go unsigned (miners that verify refuse them). */
    @Valid
    @JsonProperty
    private WalletSettings wallet;

    /** The address sent with unsigned requests; it must be valid SS58, since axons parse it. */
    @NotEmpty
    @JsonProperty
    private String unsignedHotkey = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private DataSize maxAnswerSize = DataSize.mebibytes(1);

    @Override
    public BuiltNetwork build(Environment environment) {
        Map<Integer, MinerProtocol> protocols = miners.stream()
                .collect(Collectors.toUnmodifiableMap(StaticMiner::uid, miner -> miner.protocol(protocol), (a, b) -> a));
        Metagraph metagraph = new Metagraph(netuid, 0, Instant.now(), miners.stream().map(StaticMiner::toMiner).toList());
        RequestSigner signer = wallet == null ? RequestSigner.unsigned(unsignedHotkey) : wallet.load();
        Dendrites dendrites = new Dendrites(MinerClients.started(environment, connectTimeout.toJavaDuration()), signer,
                maxAnswerSize.toBytes());
        // The operator listed these addresses, so any of them may be contacted.
        MinerNetwork network = new DendriteMinerNetwork(() -> metagraph,
                new GuardedDendrite(dendrites.perMiner(protocols, protocol), AxonAddressPolicy.anyAddress()));
        return new BuiltNetwork(network, Optional.of(signer), Optional.empty(),
                uid -> protocols.getOrDefault(uid, protocol).configName());
    }
}
