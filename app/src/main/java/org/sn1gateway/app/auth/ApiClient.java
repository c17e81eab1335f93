package org.sn1gateway.app.auth;

import java.security.Principal;
import java.util.Optional;

/**
 * Whoever presented a valid API key.
 *
 * @param keyId             the stored key's id; null for the operator's key from the configuration
 * @param requestsPerMinute the key's rate limit, null for none
 */
public record ApiClient(String name, String keyId, Integer requestsPerMinute) implements Principal {
    static final ApiClient OPERATOR = new ApiClient("operator", null, null);

    @Override
    public String getName() {
        return name;
    }

    public Optional<String> storedKeyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<Integer> rateLimit() {
        return Optional.ofNullable(requestsPerMinute);
    }
}
