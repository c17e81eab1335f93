package org.sn1gateway.app.metrics;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Locale;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.ObservingQueryLog;
import org.sn1gateway.domain.port.QueryLog;

/**
 * Every finished query's miners in the metrics, on the way to the query log. In Dropwizard metrics
 * ({@code /metrics}): per uid, timers {@code sn1.miner.<uid>.time_to_first_chunk} and {@code .total_time}
 * and a counter {@code .outcome.<status>}. In Prometheus ({@code /prometheus}): histograms with a
 * {@code uid} label and fixed buckets, which, unlike Dropwizard's decaying quantiles, can be summed across
 * gateway instances; and the outcome counter labelled by uid and outcome.
 */
public final class MinerMetrics extends ObservingQueryLog {
    static final String PREFIX = "sn1.miner.";
    private static final double[] SECONDS = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120};

    private final MetricRegistry metrics;
    private final Histogram timeToFirstChunk;
    private final Histogram totalTime;
    private final Counter outcomes;

    public MinerMetrics(QueryLog log, MetricRegistry metrics, PrometheusRegistry prometheus) {
        super(log);
        this.metrics = metrics;
        this.timeToFirstChunk = Histogram.builder().name("sn1_miner_time_to_first_chunk_seconds")
                .help("Time from the query's start to a miner's first chunk").labelNames("uid")
                .classicOnly().classicUpperBounds(SECONDS).register(prometheus);
        this.totalTime = Histogram.builder().name("sn1_miner_total_time_seconds")
                .help("Time from the query's start to a miner's last chunk").labelNames("uid")
                .classicOnly().classicUpperBounds(SECONDS).register(prometheus);
        this.outcomes = Counter.builder().name("sn1_miner_outcomes")
                .help("Miner answers by outcome (selected, ok, empty, filtered, timeout, error, ...)")
                .labelNames("uid", "outcome").register(prometheus);
    }

    @Override
    protected void observe(QueryRecord query) {
        query.responses().forEach(this::observe);
    }

    private void observe(MinerResponse response) {
        String uid = Integer.toString(response.uid());
        String outcome = response.status().name().toLowerCase(Locale.ROOT);
        time(PREFIX + uid + ".time_to_first_chunk", timeToFirstChunk, uid, response.timeToFirstChunk());
        time(PREFIX + uid + ".total_time", totalTime, uid, response.totalTime());
        metrics.counter(PREFIX + uid + ".outcome." + outcome).inc();
        outcomes.labelValues(uid, outcome).inc();
    }

    private void time(String name, Histogram histogram, String uid, Duration duration) {
        if (duration != null) {
            metrics.timer(name, MinerMetrics::newTimer).update(duration);
            histogram.labelValues(uid).observe(duration.toNanos() / 1e9);
        }
    }

    /** Dropwizard's default reservoir serialises every update through a skip list; this one does not. */
    private static Timer newTimer() {
        return new Timer(LockFreeExponentiallyDecayingReservoir.builder().build());
    }
}
