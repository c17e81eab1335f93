package org.sn1gateway.app.auth;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.TokenBudget;

/**
 * Whoever presented a valid API key.
 *
 * @param keyId             the stored key's id; null for the operator's key from the configuration
 * @param requestsPerMinute the key's rate limit, null for none
 * @param budget            the key's token budget, null for none
 * @param expiresAt         when the key expires, null for never
 */
public record ApiClient(String name, String keyId, Integer requestsPerMinute, TokenBudget budget, Instant expiresAt)
        implements Principal {
    /** The id under which the operator's configured key, which is not stored, has its usage added up. */
    public static final String OPERATOR_ID = "operator";
    static final ApiClient OPERATOR = new ApiClient("operator", null, null, null, null);

    static ApiClient of(ApiKey key) {
        return new ApiClient(key.name(), key.id(), key.requestsPerMinute(), key.budget(), key.expiresAt());
    }

    @Override
    public String getName() {
        return name;
    }

    public Optional<String> storedKeyId() {
        return Optional.ofNullable(keyId);
    }

    /** The stored key's id, or {@value #OPERATOR_ID} for the operator's key. */
    public String usageId() {
        return keyId == null ? OPERATOR_ID : keyId;
    }

    public Optional<Integer> rateLimit() {
        return Optional.ofNullable(requestsPerMinute);
    }

    public Optional<TokenBudget> tokenBudget() {
        return Optional.ofNullable(budget);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
