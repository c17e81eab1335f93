package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sn1gateway.adapters.dendrite.Upstream;

/** One OpenAI-compatible server of a {@code network.upstreams} list, as the YAML gives it. */
public class UpstreamSettings {
    /** Names the upstream in the header, logs and query log, where a miner has its hotkey. */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]{1,48}", message = "must be 1 to 48 letters, digits, '.', '_' or '-'")
    @JsonProperty
    private String name;

    @NotNull
    @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
    @JsonProperty
    private String baseUrl;

    /**
     * Given as {@code ${ENV_VAR}}, never in the file itself; empty for servers that need no key. The substitutor
     * leaves {@code ${NAME}} as it is when {@code NAME} is unset: sent upstream as a key, it would only fail
     * every call with a 401 that names no cause.
     */
    @Pattern(regexp = "(?s)(?!.*\\$\\{).*", message = "names an environment variable that is not set: set it, or"
            + " write \\$\\{NAME:-\\} for a server that needs no key")
    @JsonProperty
    private String apiKey = "";

    @NotNull
    @JsonProperty
    private String model = "";

    @NotNull
    @JsonProperty
    private Map<String, String> headers = new LinkedHashMap<>();

    @Min(1)
    @JsonProperty
    private int maxConcurrent = 16;

    /** Headers the HTTP client sets itself, which it refuses to take from a caller. */
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    @JsonIgnore
    @ValidationMethod(message = "headers must not set Connection, Content-Length, Expect, Host or Upgrade")
    public boolean isHeadersSendable() {
        return headers == null || headers.keySet().stream()
                .noneMatch(name -> CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
    }

    String name() {
        return name;
    }

    /** A name stands for its upstream in the header, the logs and the query log, so each must be its own. */
    static boolean namesDistinct(List<UpstreamSettings> upstreams) {
        return upstreams == null
                || upstreams.stream().map(UpstreamSettings::name).distinct().count() == upstreams.size();
    }

    public Upstream toUpstream() {
        return new Upstream(name, URI.create(baseUrl), apiKey, model, headers, maxConcurrent);
    }
}
