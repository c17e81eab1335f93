package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /usage/daily}: chats and tokens per key and UTC day from {@code since} (a date) on, by key then day. */
public record UsageHistoryView(@JsonProperty("since") String since, @JsonProperty("days") List<DailyUsageView> days) {
}
