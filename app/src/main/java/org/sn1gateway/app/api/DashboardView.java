package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sn1gateway.domain.model.AnswerSample;

/**
 * What {@code GET /stats} returns for the dashboard: the miners beside their chain incentive, the share of
 * usable answers and the median time to first chunk over time, and how times to first chunk and total
 * times are distributed; times in seconds, instants as ISO-8601 UTC text.
 */
public record DashboardView(
        @JsonProperty("since") String since,
        @JsonProperty("answers") int answers,
        @JsonProperty("miners") List<MinerView> miners,
        @JsonProperty("timeline") List<Bucket> timeline,
        @JsonProperty("ttfc_histogram") List<Bar> ttfcHistogram,
        @JsonProperty("total_histogram") List<Bar> totalHistogram) {

    static final double[] BOUNDS = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30, Double.POSITIVE_INFINITY};
    static final int BUCKETS = 12;

    /** One slice of the window. */
    public record Bucket(@JsonProperty("start") String start, @JsonProperty("answers") int answers,
                         @JsonProperty("success_rate") Double successRate, @JsonProperty("ttfc_p50") Double ttfcP50) {
    }

    /** Answers whose time was at most {@code le} seconds and above the previous bar's ({@code null}: no limit). */
    public record Bar(@JsonProperty("le") Double le, @JsonProperty("answers") int answers) {
    }

    public static DashboardView of(Instant since, Instant now, List<MinerView> miners, List<AnswerSample> samples) {
        return new DashboardView(since.toString(), samples.size(), miners, timeline(since, now, samples),
                histogram(samples.stream().map(AnswerSample::ttfcSeconds).toList()),
                histogram(samples.stream().map(AnswerSample::totalSeconds).toList()));
    }

    private static List<Bucket> timeline(Instant since, Instant now, List<AnswerSample> samples) {
        long width = Math.max(1, Duration.between(since, now).toMillis() / BUCKETS);
        List<List<AnswerSample>> slices = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            slices.add(new ArrayList<>());
        }
        for (AnswerSample sample : samples) {
            int slice = (int) Math.min(BUCKETS - 1, Math.max(0,
                    Duration.between(since, sample.startedAt()).toMillis() / width));
            slices.get(slice).add(sample);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            List<AnswerSample> slice = slices.get(i);
            long usable = slice.stream().filter(AnswerSample::usable).count();
            buckets.add(new Bucket(since.plusMillis(i * width).toString(), slice.size(),
                    slice.isEmpty() ? null : (double) usable / slice.size(),
                    median(slice.stream().map(AnswerSample::ttfcSeconds).toList())));
        }
        return buckets;
    }

    private static List<Bar> histogram(List<Double> values) {
        int[] counts = new int[BOUNDS.length];
        for (Double value : values) {
            if (value != null) {
                int bar = 0;
                while (value > BOUNDS[bar]) {
                    bar++;
                }
                counts[bar]++;
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < BOUNDS.length; i++) {
            bars.add(new Bar(Double.isInfinite(BOUNDS[i]) ? null : BOUNDS[i], counts[i]));
        }
        return bars;
    }

    private static Double median(List<Double> values) {
        List<Double> known = values.stream().filter(value -> value != null).sorted().toList();
        return known.isEmpty() ? null : known.get((known.size() - 1) / 2);
    }
}
