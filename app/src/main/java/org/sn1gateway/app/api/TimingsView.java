package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.MinerTimings;

/** One miner's timing statistics as the {@code timings} command prints them in JSON and CSV (seconds). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimingsView(
        @JsonProperty("uid") int uid,
        @JsonProperty("queries") long queries,
        @JsonProperty("success_rate") double successRate,
        @JsonProperty("ttfc_p50") Double ttfcP50,
        @JsonProperty("ttfc_p95") Double ttfcP95,
        @JsonProperty("total_p50") Double totalP50,
        @JsonProperty("total_p95") Double totalP95,
        @JsonProperty("chars_per_second") Double charsPerSecond) {

    public static final String CSV_HEADER =
            "uid,queries,success_rate,ttfc_p50,ttfc_p95,total_p50,total_p95,chars_per_second";

    public static TimingsView of(MinerTimings timings) {
        return new TimingsView(timings.uid(), timings.queries(), timings.successRate(), timings.ttfcP50(),
                timings.ttfcP95(), timings.totalP50(), timings.totalP95(), timings.charsPerSecond());
    }

    /** The CSV line under {@link #CSV_HEADER}; an unknown value is an empty field. */
    public String csvLine() {
        return Arrays.stream(new Object[] {uid, queries, successRate, ttfcP50, ttfcP95, totalP50, totalP95,
                        charsPerSecond})
                .map(value -> Objects.toString(value, "")).collect(Collectors.joining(","));
    }

    public static List<TimingsView> of(List<MinerTimings> timings) {
        return timings.stream().map(TimingsView::of).toList();
    }
}
