package org.sn1gateway.adapters.persistence;

import java.time.OffsetDateTime;

/**
 * A row of {@code miner_response}; {@code reason} is a stable code, {@code detail} what varies with it, and
 * {@code chunkTimings} a JSON array of seconds, and {@code wave} which wave of the chat asked the miner. Public for JDBI.
 */
public record ResponseRow(String queryId, int uid, OffsetDateTime startedAt, String hotkey, String protocol, String status,
                   String reason, String detail, Double ttfcSeconds, Double totalSeconds, int chunks, int characters,
                   String chunkTimings, boolean selected, String answer, int wave) {
}
