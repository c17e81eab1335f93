package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.InstantSource;
import java.util.Optional;
import org.sn1gateway.adapters.dendrite.Dendrites;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.adapters.dendrite.RequestSigner;
import org.sn1gateway.adapters.network.AxonAddressPolicy;
import org.sn1gateway.adapters.network.DendriteMinerNetwork;
import org.sn1gateway.adapters.network.GuardedDendrite;
import org.sn1gateway.adapters.network.SyncedMetagraph;
import org.sn1gateway.adapters.subtensor.JsonRpcClient;
import org.sn1gateway.adapters.subtensor.SubtensorEndpoint;
import org.sn1gateway.adapters.subtensor.SubtensorMetagraphSource;
import org.sn1gateway.domain.model.Metagraph;
import org.sn1gateway.domain.port.MinerNetwork;

/**
 * {@code type: bittensor}: a real subnet. The metagraph comes from a subtensor node and is resynced in the
 * background; every request to a miner is signed by the validator's hotkey. On finney and test, axons in
 * loopback, private, link-local, multicast or reserved ranges are never contacted unless allowed.
 */
public class BittensorNetworkFactory extends NetworkFactory {
    /** finney, test, local, or a ws:// or wss:// URL. */
    @NotBlank
    @JsonProperty
    private String chain = "finney";

    /** Another node for the same chain (say, the validator's own finney node); empty means the chain's default. */
    @JsonProperty
    private String endpoint;

    /** Subnet 1 is netuid 1 on finney and 61 on test. */
    @Min(0)
    @Max(65_535)
    @JsonProperty
    private Integer netuid;

    @NotNull
    @JsonProperty
    private MinerProtocol protocol = MinerProtocol.EPISTULA;

    @Valid
    @NotNull
    @JsonProperty
    private WalletSettings wallet = new WalletSettings();

    @NotNull
    @JsonProperty
    private Duration resyncInterval = Duration.minutes(10);

    @JsonProperty
    private boolean allowNonPublicAxons = false;

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private DataSize maxAnswerSize = DataSize.mebibytes(1);

    @Override
    public BuiltNetwork build(Environment environment) {
        RequestSigner signer = wallet.load();
        Dendrites dendrites = new Dendrites(MinerClients.started(environment, connectTimeout.toJavaDuration()), signer,
                maxAnswerSize.toBytes());
        AxonAddressPolicy policy = SubtensorEndpoint.isPublic(chain) && !allowNonPublicAxons
                ? AxonAddressPolicy.publicOnly() : AxonAddressPolicy.anyAddress();
        SyncedMetagraph sync = new SyncedMetagraph(new SubtensorMetagraphSource(rpc(), subnet(), InstantSource.system()),
                resyncInterval.toJavaDuration(), subnet(), InstantSource.system());
        sync.start(BackgroundTimer.named(environment, "metagraph-sync"));
        MinerNetwork network = new DendriteMinerNetwork(sync, new GuardedDendrite(dendrites.forProtocol(protocol), policy));
        return new BuiltNetwork(network, Optional.of(signer), Optional.of(sync), uid -> protocol.configName());
    }

    /** Reads the metagraph once, without a wallet: for the {@code metagraph} command. */
    @Override
    public Metagraph fetchMetagraph(Environment environment) {
        return new SubtensorMetagraphSource(rpc(), subnet(), InstantSource.system()).fetch();
    }

    private JsonRpcClient rpc() {
        return new JsonRpcClient(SubtensorEndpoint.resolve(endpoint == null ? chain : endpoint),
                JsonRpcClient.Settings.defaults());
    }

    private int subnet() {
        return netuid != null ? netuid : chain.equals("test") ? 61 : 1;
    }
}
