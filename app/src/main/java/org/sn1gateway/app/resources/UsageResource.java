package org.sn1gateway.app.resources;

import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.sn1gateway.app.api.KeyUsageView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.usage.UsageMeter;

/**
 * {@code GET /v1/usage}: what the calling key has used. A root of its own: under {@code /v1} a request is matched
 * to the OpenAI resource's root unless a longer root path fits it.
 */
@Path("/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
    private final UsageMeter meter;
    private final InstantSource clock;

    public UsageResource(UsageMeter meter, InstantSource clock) {
        this.meter = meter;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The calling key's chats and tokens in its budget's current UTC period (else the month), "
            + "its budget, what is left of it, and its expiry")
    public KeyUsageView usage(@Parameter(hidden = true) @Auth ApiClient client) {
        Instant now = clock.instant();
        return KeyUsageView.of(client.usageId(), client.name(), client.budget(), client.expiresAt(),
                read(() -> meter.totals(client.usageId(), KeyUsageView.periodOf(client.budget()), now)), now);
    }

    /** The totals live in the database: when it cannot be reached, 503 as for rate limits, not a stack trace. */
    static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            throw new WebApplicationException(Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(503, "usage could not be read; retry shortly")).build());
        }
    }
}
