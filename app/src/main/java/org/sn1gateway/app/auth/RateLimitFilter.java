package org.sn1gateway.app.auth;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import org.sn1gateway.domain.access.RateDecision;
import org.sn1gateway.domain.access.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each key to its requests-per-minute limit after authentication: past it, {@code 429} with
 * {@code Retry-After}; every limited response carries {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} (seconds). Served requests are counted for the key's usage. When the shared counters
 * cannot be reached the request is refused with {@code 503}: a limit that lapses whenever the database
 * is slow protects nothing.
 */
@Priority(Priorities.AUTHORIZATION)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final KeyUsage usage;
    private final InstantSource clock;

    public RateLimitFilter(RateLimiter limiter, KeyUsage usage, InstantSource clock) {
        this.limiter = limiter;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof ApiClient client)) {
            return; // an endpoint without authentication
        }
        String keyId = client.storedKeyId().orElse(null);
        if (keyId == null) {
            return;
        }
        if (client.rateLimit().isPresent()) {
            RateDecision decision;
            try {
                decision = limiter.tryAcquire(keyId, client.rateLimit().get(), clock.instant());
            } catch (RuntimeException e) {
                LOG.error("rate limit of key {} could not be checked: {}", keyId, e.toString());
                request.abortWith(error(Response.Status.SERVICE_UNAVAILABLE, "rate limit could not be checked; retry shortly"));
                return;
            }
            request.setProperty(DECISION, decision);
            if (!decision.allowed()) {
                Response.ResponseBuilder refused = Response.status(Response.Status.TOO_MANY_REQUESTS)
                        .entity(new ErrorMessage(429, "rate limit of " + decision.limit()
                                + " requests per minute reached; retry in " + seconds(decision.retryAfter()) + " s"))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Retry-After", seconds(decision.retryAfter()));
                request.abortWith(refused.build());
                return;
            }
        }
        usage.count(keyId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("X-RateLimit-Limit", decision.limit());
            headers.putSingle("X-RateLimit-Remaining", decision.remaining());
            headers.putSingle("X-RateLimit-Reset", seconds(decision.reset()));
        }
    }

    /** Whole seconds, rounded up: a client that waits this long is never refused for waiting too little. */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(new ErrorMessage(status.getStatusCode(), message))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
