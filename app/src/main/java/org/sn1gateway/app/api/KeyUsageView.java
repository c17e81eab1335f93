package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.TokenBudget;
import org.sn1gateway.domain.access.UsageTotals;

/**
 * {@code GET /v1/usage}: a key's chats and tokens in its budget's current UTC period (the month for a key
 * without a budget), its budget and what is left of it, and its expiry; instants as ISO-8601 UTC text.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyUsageView(
        @JsonProperty("key_id") String keyId,
        @JsonProperty("name") String name,
        @JsonProperty("period") String period,
        @JsonProperty("period_start") String periodStart,
        @JsonProperty("resets_at") String resetsAt,
        @JsonProperty("requests") long requests,
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("total_tokens") long totalTokens,
        @JsonProperty("token_budget") Long tokenBudget,
        @JsonProperty("tokens_left") Long tokensLeft,
        @JsonProperty("expires_at") String expiresAt) {

    /** The period a key's usage is reported over: its budget's, else the month. */
    public static BudgetPeriod periodOf(TokenBudget budget) {
        return budget == null ? BudgetPeriod.MONTH : budget.period();
    }

    /** @param totals the key's totals over the period of {@link #periodOf} that holds {@code now} */
    public static KeyUsageView of(String keyId, String name, TokenBudget budget, Instant expiresAt, UsageTotals totals,
                                  Instant now) {
        BudgetPeriod period = periodOf(budget);
        var start = period.startOf(now);
        return new KeyUsageView(keyId, name, period.wireName(), BudgetPeriod.startInstant(start).toString(),
                period.endOf(start).toString(), totals.requests(), totals.promptTokens(), totals.completionTokens(),
                totals.totalTokens(), budget == null ? null : budget.tokens(),
                budget == null ? null : Math.max(0, budget.tokens() - totals.totalTokens()),
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
