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
import org.sn1gateway.adapters.dendrite.MinerHttpClients;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.network.ProtocolRoutingDendrite;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: static}: a fixed list of miners from the YAML (private deployments, tests, benchmarks),
 * each asked in its own protocol. The operator lists them, so any address is allowed.
 */
public class StaticNetworkFactory implements NetworkFactory {
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

    private RequestSigner signer;

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private DataSize maxAnswerSize = DataSize.mebibytes(1);

    private Map<Integer, MinerProtocol> protocols;

    @Override
    public MinerNetwork build(Environment environment) {
        protocols = miners.stream()
                .collect(Collectors.toMap(StaticMiner::uid, miner -> miner.protocol(protocol), (a, b) -> a));
        Metagraph metagraph = new Metagraph(netuid, 0, Instant.now(), miners.stream().map(StaticMiner::toMiner).toList());
        signer = wallet == null ? RequestSigner.unsigned(unsignedHotkey) : wallet.load();
        Dendrites dendrites = new Dendrites(MinerHttpClients.create(connectTimeout.toJavaDuration()), signer,
                maxAnswerSize.toBytes());
        return new DendriteMinerNetwork(() -> metagraph, new ProtocolRoutingDendrite(dendrites, protocols, protocol));
    }

    @Override
    public Optional<RequestSigner> signer() {
        return Optional.ofNullable(signer);
    }

    @Override
    public String protocolOf(int uid) {
        return (protocols == null ? Map.<Integer, MinerProtocol>of() : protocols).getOrDefault(uid, protocol).configName();
    }
}
