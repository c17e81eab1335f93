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
 */
public record ApiKey(String id, String name, Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                     long requests, Instant lastUsedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (requestsPerMinute != null && requestsPerMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request per minute");
        }
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
}
