package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.domain.fakes.MinerFixtures.miner;
import static org.sn1gateway.domain.fakes.MinerFixtures.validator;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sn1gateway.app.api.MinerView;
import org.sn1gateway.domain.fakes.FakeMinerNetwork;
import org.sn1gateway.domain.model.AnswerSample;
import org.sn1gateway.domain.model.MinerTimings;
import org.sn1gateway.domain.port.MinerTimingReport;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** What the dashboard lists, beside a query log that holds more than it should show. */
class MinersResourceTest {
    @Test
    void theDashboardListsOnlyTheMinersHeardFromInTheWindowAndNoValidator() {
        // uid 0 answered, uid 1 was never asked, and uid 2, which answered, is a validator now.
        FakeMinerNetwork network = new FakeMinerNetwork(List.of(miner(0), miner(1), validator(2, 10_000)));
        MinerTimingReport log = new MinerTimingReport() {
            @Override
            public List<MinerTimings> since(Instant since) {
                return List.of(answered(0), answered(2));
            }

            @Override
            public List<AnswerSample> samples(Instant since, int limit) {
                return List.of();
            }
        };

        MinersResource resource = new MinersResource(network, log, AvailabilityRules.defaults());

        assertThat(resource.stats(null, "1h", null).miners()).extracting(MinerView::uid).containsExactly(0);
    }

    private static MinerTimings answered(int uid) {
        return new MinerTimings(uid, 3, 1.0, 0.2, 0.3, 1.0, 1.2, 80.0);
    }
}
