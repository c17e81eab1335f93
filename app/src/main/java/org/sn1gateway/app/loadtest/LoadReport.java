package org.sn1gateway.app.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * What a load test measured: percentiles in milliseconds, rates per second, errors by kind. Percentiles of
 * nothing measured are null (no chat succeeded; no {@code --trace} for the added time), not zeros.
 */
public record LoadReport(
        @JsonProperty("requests") int requests,
        @JsonProperty("succeeded") int succeeded,
        @JsonProperty("concurrency") int concurrency,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("requests_per_second") double requestsPerSecond,
        @JsonProperty("chunks_per_second") double chunksPerSecond,
        @JsonProperty("time_to_first_chunk_ms") Percentiles timeToFirstChunk,
        @JsonProperty("total_time_ms") Percentiles totalTime,
        @JsonProperty("added_time_to_first_chunk_ms") Percentiles addedTimeToFirstChunk,
        @JsonProperty("errors") Map<String, Integer> errors,
        @JsonProperty("cpu") List<CpuShare> cpu) {

    /** p50, p90, p99 and max, in milliseconds. */
    public record Percentiles(@JsonProperty("p50") double p50, @JsonProperty("p90") double p90,
                              @JsonProperty("p99") double p99, @JsonProperty("max") double max) {
        /** @return null when nothing was measured */
        static Percentiles of(long[] nanos) {
            if (nanos.length == 0) {
                return null;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
        }

        /** Nearest rank: the smallest value with at least this share of values at or below it. */
        private static double millis(long[] sorted, double share) {
            int rank = (int) Math.ceil(share * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    static LoadReport of(List<StreamOutcome> outcomes, int concurrency, long elapsedNanos) {
        List<StreamOutcome> good = outcomes.stream().filter(StreamOutcome::succeeded).toList();
        Map<String, Integer> errors = new TreeMap<>();
        outcomes.stream().filter(outcome -> !outcome.succeeded()).forEach(outcome -> errors.merge(outcome.error(), 1, Integer::sum));
        double seconds = elapsedNanos / 1e9;
        long chunks = outcomes.stream().mapToLong(StreamOutcome::chunks).sum();
        return new LoadReport(outcomes.size(), good.size(), concurrency, seconds, outcomes.size() / seconds,
                chunks / seconds, Percentiles.of(times(good, StreamOutcome::timeToFirstChunkNanos)),
                Percentiles.of(times(good, StreamOutcome::totalNanos)),
                Percentiles.of(times(good, StreamOutcome::addedNanos)), errors, List.of());
    }

    /** This report with the CPU time that processes spent during the run. */
    public LoadReport withCpu(List<CpuShare> shares) {
        return new LoadReport(requests, succeeded, concurrency, seconds, requestsPerSecond, chunksPerSecond,
                timeToFirstChunk, totalTime, addedTimeToFirstChunk, errors, List.copyOf(shares));
    }

    private static long[] times(List<StreamOutcome> outcomes, ToLongFunction<StreamOutcome> time) {
        return outcomes.stream().mapToLong(time).filter(value -> value >= 0).toArray();
    }
}
