package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The token counts an OpenAI-compatible server reports in its {@code usage} object. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    /** The usage a {@code usage} object states, or empty when it is absent or null. */
    static Optional<TokenUsage> of(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        long prompt = usage.path("prompt_tokens").asLong();
        long completion = usage.path("completion_tokens").asLong();
        long total = usage.has("total_tokens") ? usage.path("total_tokens").asLong() : prompt + completion;
        return Optional.of(new TokenUsage(prompt, completion, total));
    }
}
