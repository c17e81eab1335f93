package org.sn1gateway.adapters.persistence;

import java.time.OffsetDateTime;

/**
 * A row of {@code chat_query} (public only so that JDBI can bind its accessors); {@code partOf} is the id of
 * the request's first query when this one is a later phase of it, else null; {@code selectedBy} the rule that
 * chose the delivered answer ({@code fallback} when the fallback gave it), else null; the token counts are null
 * for a query nothing counted.
 */
public record QueryRow(String id, OffsetDateTime startedAt, int k, String prefer, String samplingMode,
                double timeoutSeconds, String outcome, Integer selectedUid, double totalSeconds, int minersAsked,
                String prompt, String partOf, String selectedBy, Long promptTokens, Long completionTokens,
                Boolean estimated) {
}
