package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The data of an {@code event: chunk}: one piece of the delivered answer with everything before it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamChunk(
        @JsonProperty("delta") String delta,
        @JsonProperty("finish_reason") String finishReason,
        @JsonProperty("accumulated_chunks") List<String> accumulatedChunks,
        @JsonProperty("accumulated_chunks_timings") List<Double> accumulatedChunksTimings,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("sequence_number") int sequenceNumber,
        @JsonProperty("selected_uid") int selectedUid) {
    public static final String FINISHED = "finished";
}
