package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.sn1gateway.domain.model.ChatUsage;

/**
 * What a chat cost in tokens, as both APIs show it: OpenAI's {@code usage} object, plus {@code estimated}
 * (true when the gateway counted tokens itself with o200k_base; false when the upstream that answered reported
 * both counts).
 */
public record ChatUsageView(@JsonProperty("prompt_tokens") long promptTokens,
                            @JsonProperty("completion_tokens") long completionTokens,
                            @JsonProperty("total_tokens") long totalTokens,
                            @JsonProperty("estimated") boolean estimated) {

    public static ChatUsageView of(ChatUsage usage) {
        return new ChatUsageView(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
                usage.estimated());
    }
}
