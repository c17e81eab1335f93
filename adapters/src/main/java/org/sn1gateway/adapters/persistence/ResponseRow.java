package org.sn1gateway.adapters.persistence;

import java.time.OffsetDateTime;

/** A row of {@code miner_response}; {@code chunkTimings} is a JSON array of seconds. Public for JDBI. */
public record ResponseRow(String queryId, int uid, OffsetDateTime startedAt, String hotkey, String protocol, String status,
                   String reason, Double ttfcSeconds, Double totalSeconds, int chunks, int characters,
                   String chunkTimings, boolean selected, String answer) {
}
