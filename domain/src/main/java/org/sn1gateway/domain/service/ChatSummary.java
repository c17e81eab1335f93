package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.MinerResponse;

/**
 * What the client learns when its stream ends.
 *
 * @param uid            the miner whose answer was delivered, or empty
 * @param streamedChunks the non-empty chunks delivered, in order
 * @param queryId        the query, or for a request of several phases (a mixture) its first query
 * @param timing         from the start of the request to this summary
 * @param miners         every miner asked, as things stood when the client's stream ended
 * @param selectedBy     the rule that chose the answer, {@code fallback} when the fallback gave it, or null
 *                       when none was delivered
 * @param usage          the tokens the chat cost its client
 */
public record ChatSummary(UUID queryId, OptionalInt uid, List<DeliveredChunk> streamedChunks, String completion,
                          Duration timing, List<MinerResponse> miners, String selectedBy, OptionalInt support, ChatUsage usage) {
    public ChatSummary {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(usage, "usage");
        streamedChunks = List.copyOf(streamedChunks);
        miners = List.copyOf(miners);
    }
}
