package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code probe:} section: the short question the gateway asks miners before clients do, so that a miner
 * that would break a client's stream is set aside first. Upstreams are never probed, since their answers cost
 * money.
 */
public class ProbeSettings {
    @JsonProperty
    private boolean enabled = true;

    /** How often miners not probed yet, and those set aside, are asked. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration interval = Duration.minutes(1);

    /**
     * How long a probe waits for a miner; one still streaming usable text then passes. Start-up waits for
     * the first round at most this long.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration timeout = Duration.seconds(5);

    public boolean enabled() {
        return enabled;
    }

    public java.time.Duration interval() {
        return interval.toJavaDuration();
    }

    public java.time.Duration timeout() {
        return timeout.toJavaDuration();
    }
}
