package org.sn1gateway.domain.access;

import java.time.Duration;

/**
 * The answer to one request against a rate limit.
 *
 * @param remaining  requests still allowed in the current window after this one
 * @param retryAfter when refused, how long until a request would be allowed; zero otherwise
 * @param reset      how long until the current window ends
 */
public record RateDecision(boolean allowed, int limit, int remaining, Duration retryAfter, Duration reset) {
}
