package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code cors:} section. Off by default: browsers may call the API only from the origins listed
 * here (exact origins such as {@code https://app.example.com}, or {@code *} for any).
 */
public class CorsSettings {
    @NotNull
    @JsonProperty
    private List<String> allowedOrigins = List.of();

    @NotNull
    @JsonProperty
    private List<String> allowedHeaders = List.of("Content-Type", "Authorization", "api_key", "api-key",
            "Accept", "X-Request-Id");

    @NotNull
    @JsonProperty
    private Duration maxAge = Duration.minutes(10);

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /** Origins as Jetty's patterns (regular expressions), matched whole. */
    public Set<String> originPatterns() {
        return Set.copyOf(allowedOrigins.stream()
                .map(origin -> origin.equals("*") ? ".*" : Pattern.quote(origin)).toList());
    }

    public Set<String> allowedHeaders() {
        return Set.copyOf(allowedHeaders);
    }

    public java.time.Duration maxAge() {
        return maxAge.toJavaDuration();
    }
}
