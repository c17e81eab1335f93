package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.model.MinerTimings;

/** One row of {@code GET /miners}: a metagraph entry and what the query log observed of it (seconds). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MinerView(
        @JsonProperty("uid") int uid,
        @JsonProperty("hotkey") String hotkey,
        @JsonProperty("coldkey") String coldkey,
        @JsonProperty("incentive") double incentive,
        @JsonProperty("stake") double stake,
        @JsonProperty("validator_permit") boolean validatorPermit,
        @JsonProperty("axon") String axon,
        @JsonProperty("available") boolean available,
        @JsonProperty("queries") long queries,
        @JsonProperty("success_rate") Double successRate,
        @JsonProperty("ttfc_p50") Double ttfcP50,
        @JsonProperty("ttfc_p95") Double ttfcP95,
        @JsonProperty("total_p50") Double totalP50) {

    public static final String CSV_HEADER =
            "uid,hotkey,coldkey,incentive,stake,validator_permit,axon,available,queries,success_rate,"
                    + "ttfc_p50,ttfc_p95,total_p50";

    /** @param observed null when the log holds no finished answer of this miner */
    public static MinerView of(Miner miner, boolean available, MinerTimings observed) {
        boolean seen = observed != null;
        return new MinerView(miner.uid(), miner.hotkey(), miner.coldkey(), miner.incentive(), miner.stake(),
                miner.validatorPermit(), miner.axon().toString(), available, seen ? observed.queries() : 0,
                seen ? observed.successRate() : null, seen ? observed.ttfcP50() : null,
                seen ? observed.ttfcP95() : null, seen ? observed.totalP50() : null);
    }

    /** The CSV line under {@link #CSV_HEADER}; keys and addresses hold no comma, an unknown value is empty. */
    public String csvLine() {
        return Arrays.stream(new Object[] {uid, hotkey, coldkey, incentive, stake, validatorPermit, axon, available,
                        queries, successRate, ttfcP50, ttfcP95, totalP50})
                .map(value -> Objects.toString(value, "")).collect(Collectors.joining(","));
    }
}
