package org.sn1gateway.app.api;

import io.dropwizard.jersey.validation.ValidationErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sn1gateway.domain.model.ChatQuery;

/**
 * The operator's limits on a chat, inside the contract's own ranges (api.md: 1–64 messages, k 1–64,
 * timeout 1–120 s). A chat over them is refused like any invalid input: 422 naming each field, before
 * any miner is asked.
 */
public record ChatLimits(int maxMessages, int maxMessageLength, int maxK, Duration maxTimeout) {
    public static final int UNPROCESSABLE = 422;

    /** Refuses the query with 422 if it is over any limit. */
    public void check(ChatQuery query) {
        List<String> errors = new ArrayList<>();
        if (query.messages().size() > maxMessages) {
            errors.add("messages must hold at most " + maxMessages + " entries, not " + query.messages().size());
        }
        for (int i = 0; i < query.messages().size(); i++) {
            int length = query.messages().get(i).content().length();
            if (length > maxMessageLength) {
                errors.add("messages[" + i + "] must be at most " + maxMessageLength + " characters, not " + length);
            }
        }
        if (query.miners().k() > maxK) {
            errors.add("k must be less than or equal to " + maxK);
        }
        if (query.miners().uids().size() > maxK) {
            errors.add("uids must hold at most " + maxK + " entries, as many as k may ask");
        }
        if (query.timeout().compareTo(maxTimeout) > 0) {
            errors.add("timeout must be less than or equal to " + maxTimeout.toMillis() / 1000.0);
        }
        if (!errors.isEmpty()) {
            throw new WebApplicationException(Response.status(UNPROCESSABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ValidationErrorMessage(List.copyOf(errors))).build());
        }
    }
}
