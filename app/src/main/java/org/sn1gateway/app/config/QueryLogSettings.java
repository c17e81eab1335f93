package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.adapters.persistence.QueuedQueryLog;

/** The {@code queryLog:} section. */
public class QueryLogSettings {
    /** Whether prompts and answers are stored besides the timings (they may be personal data). */
    @JsonProperty
    private boolean storeText = false;

    @Min(100)
    @JsonProperty
    private int queueCapacity = 100_000;

    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int batchSize = 500;

    /** How long the writer gathers rows before writing them in one transaction (batches are far cheaper). */
    @NotNull
    @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration batchWindow = Duration.milliseconds(200);

    @NotNull
    @JsonProperty
    private Duration flushLimit = Duration.seconds(10);

    /** How far back the statistics behind sampling_mode fastest and reliable look. */
    @NotNull
    @JsonProperty
    private Duration statsWindow = Duration.hours(1);

    /** How often those statistics are read from the database (never per request). */
    @NotNull
    @JsonProperty
    private Duration statsRefresh = Duration.seconds(30);

    /** Queries older than this are deleted in the background; {@code 0 days} keeps everything. */
    @NotNull
    @JsonProperty
    private Duration retention = Duration.days(30);

    /** How many queries one delete removes, so that purging never holds the table for long. */
    @Min(1)
    @Max(100_000)
    @JsonProperty
    private int retentionBatchSize = 1_000;

    /** How often old queries are looked for. */
    @NotNull
    @JsonProperty
    private Duration retentionInterval = Duration.minutes(10);

    public boolean storeText() {
        return storeText;
    }

    public Optional<java.time.Duration> retention() {
        return retention.toNanoseconds() == 0 ? Optional.empty()
                : Optional.of(retention.toJavaDuration());
    }

    public int retentionBatchSize() {
        return retentionBatchSize;
    }

    public java.time.Duration retentionInterval() {
        return retentionInterval.toJavaDuration();
    }

    public QueuedQueryLog.Settings queue() {
        QueuedQueryLog.Settings defaults = QueuedQueryLog.Settings.defaults();
        return new QueuedQueryLog.Settings(queueCapacity, batchSize, batchWindow.toJavaDuration(),
                defaults.firstRetry(), defaults.maxRetry(), flushLimit.toJavaDuration(), statsWindow.toJavaDuration(),
                statsRefresh.toJavaDuration());
    }
}
