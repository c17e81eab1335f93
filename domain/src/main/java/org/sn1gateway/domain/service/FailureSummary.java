package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.MinerStatus;
import org.sn1gateway.domain.model.QueryOutcome;

/** Explains to the client why none of the miners' answers could be delivered. */
final class FailureSummary {
    private FailureSummary() {
    }

    static ChatError of(List<MinerProgress> miners, Duration timeout) {
        Map<String, Long> counts = miners.stream()
                .map(progress -> progress.toResponse(false).status())
                .collect(Collectors.groupingBy(MinerStatus::wireName, TreeMap::new, Collectors.counting()));
        String tally = counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
        boolean anyAnswered = counts.containsKey(MinerStatus.EMPTY.wireName())
                || counts.containsKey(MinerStatus.FILTERED.wireName());
        if (anyAnswered) {
            return new ChatError(QueryOutcome.ALL_FILTERED,
                    "Every answer was filtered out as unusable (" + tally + " of " + miners.size() + " miners)");
        }
        boolean allTimedOut = counts.keySet().equals(Set.of(MinerStatus.TIMEOUT.wireName()));
        if (allTimedOut) {
            return new ChatError(QueryOutcome.ALL_TIMED_OUT, "All miners failed or timed out: none of the "
                    + miners.size() + " finished within " + QueryRun.seconds(timeout) + " s");
        }
        return new ChatError(QueryOutcome.ALL_FAILED,
                "All miners failed or timed out (" + tally + " of " + miners.size() + " miners)");
    }
}
