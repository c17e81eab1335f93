package org.sn1gateway.app.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's limits on a chat, inside the contract's own ranges (api.md: 1–64 messages, k 1–64,
 * timeout 1–120 s). A chat over them is refused like any invalid input, in the same 422 that names every
 * other wrong field, before any miner is asked.
 */
public record ChatLimits(int maxMessages, int maxMessageLength, int maxK, Duration maxTimeout) {
    /** The API's own ranges, which validation reports by themselves: a value beyond them is not repeated here. */
    private static final int API_MAX_ENTRIES = 64;
    private static final double API_MAX_TIMEOUT_SECONDS = 120;

    /** Each way the request is over the operator's limits (while within the API's ranges). */
    public List<String> problems(LimitedRequest request) {
        List<String> problems = new ArrayList<>();
        List<String> messages = request.messageTexts();
        if (messages != null) {
            if (messages.size() > maxMessages && messages.size() <= API_MAX_ENTRIES) {
                problems.add("messages must hold at most " + maxMessages + " entries, not " + messages.size());
            }
            for (int i = 0; i < messages.size(); i++) {
                int length = messages.get(i) == null ? 0 : messages.get(i).length();
                if (length > maxMessageLength) {
                    problems.add("messages[" + i + "] must be at most " + maxMessageLength + " characters, not " + length);
                }
            }
        }
        Integer k = request.k();
        if (k != null && k > maxK && k <= API_MAX_ENTRIES) {
            problems.add("k must be less than or equal to " + maxK);
        }
        List<Integer> uids = request.uids();
        if (uids != null && uids.size() > maxK && uids.size() <= API_MAX_ENTRIES) {
            problems.add("uids must hold at most " + maxK + " entries, as many as k may ask");
        }
        Double timeout = request.timeout();
        double maxSeconds = maxTimeout.toMillis() / 1000.0;
        if (timeout != null && timeout > maxSeconds && timeout <= API_MAX_TIMEOUT_SECONDS) {
            problems.add("timeout must be less than or equal to " + maxSeconds);
        }
        return problems;
    }
}
