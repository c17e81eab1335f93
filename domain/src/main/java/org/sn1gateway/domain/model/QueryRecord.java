package org.sn1gateway.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A finished query as it goes into the query log: one per query, whatever happened to the client.
 *
 * @param selectedUid null when no answer was delivered
 * @param totalTime   from the start of the query to its last miner's end
 * @param partOf      the id of the request's first query when this one is a later phase of it (a mixture's
 *                    synthesis), else null: the client's summary names the first query only
 * @param selectedBy  the rule that chose the delivered answer ({@code fallback} when the fallback gave it), or
 *                    null when none was delivered
 * @param usage       the tokens the query cost its client, or null where nothing counted them
 */
public record QueryRecord(UUID id, Instant startedAt, ChatQuery query, QueryOutcome outcome, Integer selectedUid,
                          Duration totalTime, List<MinerResponse> responses, UUID partOf, String selectedBy,
                          ChatUsage usage) {
    /** A query whose tokens were not counted. */
    public QueryRecord(UUID id, Instant startedAt, ChatQuery query, QueryOutcome outcome, Integer selectedUid,
                       Duration totalTime, List<MinerResponse> responses, UUID partOf, String selectedBy) {
        this(id, startedAt, query, outcome, selectedUid, totalTime, responses, partOf, selectedBy, null);
    }

    /** A query whose selection rule is not recorded. */
    public QueryRecord(UUID id, Instant startedAt, ChatQuery query, QueryOutcome outcome, Integer selectedUid,
                       Duration totalTime, List<MinerResponse> responses, UUID partOf) {
        this(id, startedAt, query, outcome, selectedUid, totalTime, responses, partOf, null);
    }

    /** A query that is a request of its own. */
    public QueryRecord(UUID id, Instant startedAt, ChatQuery query, QueryOutcome outcome, Integer selectedUid,
                       Duration totalTime, List<MinerResponse> responses) {
        this(id, startedAt, query, outcome, selectedUid, totalTime, responses, null);
    }

    public QueryRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(totalTime, "totalTime");
        responses = List.copyOf(responses);
    }
}
