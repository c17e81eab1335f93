package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.sn1gateway.adapters.dendrite.MinerProtocol;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Miner;

/** One miner of a {@code static} network, as listed in the YAML. */
public class StaticMiner {
    @Min(0)
    @Max(65_535)
    @JsonProperty
    private int uid;

    @NotBlank
    @JsonProperty
    private String hotkey;

    @JsonProperty
    private String coldkey = "";

    @NotBlank
    @JsonProperty
    private String host;

    @Min(1)
    @Max(65_535)
    @JsonProperty
    private int port;

    /** Empty means the network's default protocol. */
    @JsonProperty
    private MinerProtocol protocol;

    @DecimalMin("0")
    @DecimalMax("1")
    @JsonProperty
    private double incentive;

    @DecimalMin("0")
    @JsonProperty
    private double stake;

    @JsonProperty
    private boolean validatorPermit;

    public int uid() {
        return uid;
    }

    public MinerProtocol protocol(MinerProtocol fallback) {
        return protocol == null ? fallback : protocol;
    }

    public Miner toMiner() {
        return new Miner(uid, hotkey, coldkey, new AxonEndpoint(host, port), incentive, stake, validatorPermit);
    }
}
