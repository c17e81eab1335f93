package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.sn1gateway.domain.model.MinerResponse;

/** One miner's part in a query, as the summary reports it (times in seconds). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MinerReport(
        @JsonProperty("uid") int uid,
        @JsonProperty("hotkey") String hotkey,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason,
        @JsonProperty("time_to_first_chunk") Double timeToFirstChunk,
        @JsonProperty("total_time") Double totalTime,
        @JsonProperty("chunks") int chunks,
        @JsonProperty("characters") int characters,
        @JsonProperty("wave") int wave) {

    public static MinerReport of(MinerResponse response) {
        return new MinerReport(response.uid(), response.hotkey(), response.status().wireName(), response.reasonText(),
                Seconds.orNull(response.timeToFirstChunk()), Seconds.orNull(response.totalTime()),
                response.chunks(), response.characters(), response.wave());
    }

}
