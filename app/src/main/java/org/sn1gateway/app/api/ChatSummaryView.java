package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;

/**
 * The data of the final {@code event: done}, and the whole answer of {@code Accept: application/json}; {@code usage}
 * is what the chat cost the client's key.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatSummaryView(
        @JsonProperty("streamed_chunks") List<String> streamedChunks,
        @JsonProperty("streamed_chunks_timings") List<Double> streamedChunksTimings,
        @JsonProperty("uid") Integer uid,
        @JsonProperty("completion") String completion,
        @JsonProperty("timing") double timing,
        @JsonProperty("query_id") String queryId,
        @JsonProperty("selected_by") String selectedBy,
        @JsonProperty("support") @JsonInclude(JsonInclude.Include.NON_NULL) Integer support,
        @JsonProperty("miners") List<MinerReport> miners,
        @JsonProperty("answered_by") String answeredBy,
        @JsonProperty("usage") ChatUsageView usage) {

    public static ChatSummaryView of(ChatSummary summary, AnswerSources sources) {
        return new ChatSummaryView(
                summary.streamedChunks().stream().map(DeliveredChunk::delta).toList(),
                summary.streamedChunks().stream().map(chunk -> Seconds.of(chunk.receivedAt())).toList(),
                summary.uid().isPresent() ? summary.uid().getAsInt() : null,
                summary.completion(),
                Seconds.of(summary.timing()),
                summary.queryId().toString(),
                summary.selectedBy(),
                summary.support().isPresent() ? summary.support().getAsInt() : null,
                summary.miners().stream().map(MinerReport::of).toList(),
                sources.answeredBy(summary).orElse(null),
                ChatUsageView.of(summary.usage()));
    }
}
