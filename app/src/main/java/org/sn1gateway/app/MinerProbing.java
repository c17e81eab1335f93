package org.sn1gateway.app;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.sn1gateway.domain.service.MinerProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the miner probe's rounds: the first before the server takes requests, so that the first clients after a
 * start meet no miner a probe could have found broken, then one every interval.
 */
final class MinerProbing implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(MinerProbing.class);
    /** Beyond the probe's own timeout, for its results to be counted. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final MinerProbe probe;
    private final ScheduledExecutorService timer;
    private final Duration interval;
    private final Duration timeout;

    MinerProbing(MinerProbe probe, ScheduledExecutorService timer, Duration interval, Duration timeout) {
        this.probe = probe;
        this.timer = timer;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        runRound();
        timer.scheduleWithFixedDelay(this::runRound, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runRound() {
        try {
            report(probe.round().get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The next round tries again; clients meanwhile rely on passive ejection alone.
            LOG.warn("probe: the round did not complete: {}", e.toString());
        }
    }

    private static void report(List<MinerProbe.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        List<MinerProbe.Result> failed = results.stream().filter(result -> !result.usable()).toList();
        LOG.info("probe: asked {} miner(s), {} usable{}", results.size(), results.size() - failed.size(),
                failed.isEmpty() ? "" : failed.stream()
                        .map(result -> "uid " + result.uid() + " (" + result.reason() + ")")
                        .collect(Collectors.joining(", ", "; set aside until a probe passes: ", "")));
    }
}
