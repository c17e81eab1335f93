package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** The {@code auth:} section. */
public class AuthSettings {
    /** The operator's key, normally {@code ${SN1_API_KEY:-}}; blank means "generate one at start". */
    @JsonProperty
    private String apiKey = "";

    public Optional<String> apiKey() {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    }

    @Override
    public String toString() {
        return "AuthSettings{apiKey=" + (apiKey().isPresent() ? "<set>" : "<none>") + "}";
    }
}
