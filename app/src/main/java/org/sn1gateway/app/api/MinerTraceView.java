package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.service.MinerEvent;

/**
 * The data of an {@code event: miner} of a traced chat, and on /v1 a chunk's {@code sn1_miner} (api.md
 * "Tracing"); times in seconds. The text is sent only when the miner has ended, so a trace costs one copy
 * of each answer, not one per chunk. {@code wave} says which wave of the chat asked the miner (1, 2, ...).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MinerTraceView(
        @JsonProperty("uid") int uid,
        @JsonProperty("hotkey") String hotkey,
        @JsonProperty("phase") String phase,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason,
        @JsonProperty("time_to_first_chunk") Double timeToFirstChunk,
        @JsonProperty("total_time") Double totalTime,
        @JsonProperty("characters") int characters,
        @JsonProperty("text") String text,
        @JsonProperty("source") String source,
        @JsonProperty("wave") int wave) {

    /** @param sources names the miner or upstream, as {@code X-Sn1-Answered-By} would */
    public static MinerTraceView of(MinerEvent event, AnswerSources sources) {
        MinerResponse miner = event.miner();
        return new MinerTraceView(miner.uid(), miner.hotkey(), event.phase().wireName(), miner.status().wireName(),
                miner.reasonText(), Seconds.orNull(miner.timeToFirstChunk()), Seconds.orNull(miner.totalTime()),
                miner.characters(), event.phase() == MinerEvent.Phase.ENDED ? miner.text() : null,
                sources.describe(miner.uid()), miner.wave());
    }
}
