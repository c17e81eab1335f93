package org.sn1gateway.adapters.persistence;

import java.time.Duration;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.sn1gateway.domain.model.MinerStats;

/** A row of the per-miner statistics query (public only so that JDBI can construct it). */
public record StatsRow(@ColumnName("uid") int uid, @ColumnName("answers") long answers,
                       @ColumnName("usable") long usable, @ColumnName("median_ttfc") Double medianTtfc) {
    /** Miners that never sent text get an infinite-looking time to first chunk, so they rank last. */
    static final Duration NO_TEXT = Duration.ofDays(1);

    MinerStats toStats() {
        Duration ttfc = medianTtfc == null ? NO_TEXT : Duration.ofNanos(Math.round(medianTtfc * 1e9));
        return new MinerStats(uid, (int) answers, answers == 0 ? 0 : (double) usable / answers, ttfc);
    }
}
