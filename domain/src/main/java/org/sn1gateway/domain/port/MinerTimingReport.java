package org.sn1gateway.domain.port;

import java.time.Instant;
import java.util.List;
import org.sn1gateway.domain.model.AnswerSample;
import org.sn1gateway.domain.model.MinerTimings;

/** The operators' view of the query log: per-miner timing statistics, computed where the log is kept. */
public interface MinerTimingReport {
    /** Statistics per uid over the answers started at or after {@code since}, ordered by uid. */
    List<MinerTimings> since(Instant since);

    /** The most recent finished answers started at or after {@code since}, newest first, at most {@code limit}. */
    List<AnswerSample> samples(Instant since, int limit);
}
