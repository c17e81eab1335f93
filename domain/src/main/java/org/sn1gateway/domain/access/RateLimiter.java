package org.sn1gateway.domain.access;

import java.time.Instant;

/**
 * Counts a key's requests against its limit. Implementations keep the count where every gateway
 * instance sees it, so that the limit holds for all of them together, not once per replica.
 */
public interface RateLimiter {
    /** Takes one request from the key's allowance if there is one left; refused requests are not counted. */
    RateDecision tryAcquire(String keyId, int requestsPerMinute, Instant now);
}
