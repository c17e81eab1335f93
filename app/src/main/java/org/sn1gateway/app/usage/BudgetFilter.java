package org.sn1gateway.app.usage;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.sn1gateway.app.api.openai.OpenAiError;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.access.TokenBudget;
import org.sn1gateway.domain.access.UsageTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a chat to a key whose token budget for the current UTC day or month is used up: {@code 429} with
 * {@code Retry-After} until the period resets, and the code {@code insufficient_quota} (OpenAI's error object
 * under {@code /v1}, the {@code details} of the usual JSON error on {@code /chat}). Checked before the chat
 * starts, and before the rate limit, whose allowance a refused chat so does not use; a chat already running
 * finishes. When the totals cannot be read the chat is refused with {@code 503}, as for rate limits.
 */
@Budgeted
@Priority(Priorities.AUTHORIZATION - 10)
public final class BudgetFilter implements ContainerRequestFilter {
    public static final String INSUFFICIENT_QUOTA = "insufficient_quota";
    private static final Logger LOG = LoggerFactory.getLogger(BudgetFilter.class);

    private final UsageMeter meter;
    private final InstantSource clock;

    public BudgetFilter(UsageMeter meter, InstantSource clock) {
        this.meter = meter;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof ApiClient client)
                || client.tokenBudget().isEmpty()) {
            return;
        }
        TokenBudget budget = client.tokenBudget().get();
        Instant now = clock.instant();
        UsageTotals used;
        try {
            used = meter.totals(client.usageId(), budget.period(), now);
        } catch (RuntimeException e) {
            LOG.error("token budget of key {} could not be checked: {}", client.usageId(), e.toString());
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(503, "token budget could not be checked; retry shortly")).build());
            return;
        }
        if (used.totalTokens() >= budget.tokens()) {
            request.abortWith(refusal(request, client, budget, used, now));
        }
    }

    private static Response refusal(ContainerRequestContext request, ApiClient client, TokenBudget budget,
                                    UsageTotals used, Instant now) {
        Instant resets = budget.period().endOf(budget.period().startOf(now));
        String message = "key " + client.usageId() + " has used its token budget: " + used.totalTokens() + " of "
                + budget.tokens() + " tokens this " + budget.period().wireName() + " (UTC); it resets at " + resets;
        Object body = request.getUriInfo().getPath().startsWith("v1/")
                ? new OpenAiError(new OpenAiError.Detail(message, INSUFFICIENT_QUOTA, null, INSUFFICIENT_QUOTA))
                : new ErrorMessage(429, message, INSUFFICIENT_QUOTA);
        return Response.status(Response.Status.TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Retry-After", seconds(Duration.between(now, resets))).build();
    }

    /** Whole seconds, rounded up: a client that waits this long finds the new period begun. */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
