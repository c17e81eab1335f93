package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.sn1gateway.domain.access.DailyUsage;

/** One key's chats and tokens on one UTC day, for the dashboard and {@code keys usage}. */
public record DailyUsageView(
        @JsonProperty("key_id") String keyId,
        @JsonProperty("name") String name,
        @JsonProperty("day") String day,
        @JsonProperty("requests") long requests,
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("total_tokens") long totalTokens) {

    public static DailyUsageView of(DailyUsage usage, String name) {
        return new DailyUsageView(usage.keyId(), name, usage.day().toString(), usage.totals().requests(),
                usage.totals().promptTokens(), usage.totals().completionTokens(), usage.totals().totalTokens());
    }
}
