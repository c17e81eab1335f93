package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code auth:} section. */
public class AuthSettings {
    /** The operator's key, normally {@code ${SN1_API_KEY:-}}; blank means "stored keys only". */
    @JsonProperty
    private String apiKey = "";

    /** How long a key's check is cached: also how long a revoked key may still work on an instance. */
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration cacheFor = Duration.seconds(2);

    /** How often the requests counted per key are added to the stored usage. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration usageFlush = Duration.seconds(5);

    public Optional<String> apiKey() {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    }

    public java.time.Duration cacheFor() {
        return cacheFor.toJavaDuration();
    }

    public java.time.Duration usageFlush() {
        return usageFlush.toJavaDuration();
    }

    @Override
    public String toString() {
        return "AuthSettings{apiKey=" + (apiKey().isPresent() ? "<set>" : "<none>") + "}";
    }
}
