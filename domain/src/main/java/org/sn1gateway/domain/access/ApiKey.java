package org.sn1gateway.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's API key as stored: everything but the secret, of which only a hash is ever kept.
 *
 * @param id                  public and shown by {@code keys list}; also the start of the secret
 * @param requestsPerMinute   the rate limit, or null for none
 * @param requests            requests served so far (counted in batches, so a few seconds behind)
 * @param lastUsedAt          null until first used
 * @param revokedAt           null while the key is valid
 * @param budget              the most tokens it may use per day or month, or null for no limit
 * @param expiresAt           from when it is refused as expired, or null for never
 */
public record ApiKey(String id, String name, Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                     long requests, Instant lastUsedAt, TokenBudget budget, Instant expiresAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (requestsPerMinute != null && requestsPerMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request per minute");
        }
    }

    /** A key without budget or expiry. */
    public ApiKey(String id, String name, Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                  long requests, Instant lastUsedAt) {
        this(id, name, requestsPerMinute, createdAt, revokedAt, requests, lastUsedAt, null, null);
    }

    public static ApiKey created(String id, String name, Integer requestsPerMinute, Instant at) {
        return new ApiKey(id, name, requestsPerMinute, at, null, 0, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Optional<Integer> rateLimit() {
        return Optional.ofNullable(requestsPerMinute);
    }

    public Optional<TokenBudget> tokenBudget() {
        return Optional.ofNullable(budget);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public ApiKey withName(String newName) {
        return new ApiKey(id, newName, requestsPerMinute, createdAt, revokedAt, requests, lastUsedAt, budget, expiresAt);
    }

    public ApiKey withRateLimit(Integer newLimit) {
        return new ApiKey(id, name, newLimit, createdAt, revokedAt, requests, lastUsedAt, budget, expiresAt);
    }

    public ApiKey withBudget(TokenBudget newBudget) {
        return new ApiKey(id, name, requestsPerMinute, createdAt, revokedAt, requests, lastUsedAt, newBudget, expiresAt);
    }

    public ApiKey withExpiry(Instant newExpiry) {
        return new ApiKey(id, name, requestsPerMinute, createdAt, revokedAt, requests, lastUsedAt, budget, newExpiry);
    }
}
