package org.sn1gateway.app.resources;

import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sn1gateway.app.api.DailyUsageView;
import org.sn1gateway.app.api.KeyUsageView;
import org.sn1gateway.app.api.UsageHistoryView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.app.usage.UsageMeter;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.sn1gateway.domain.access.UsageLedger;

/**
 * What keys have used: {@code GET /v1/usage} for the caller's own key, {@code GET /usage/daily} per key and UTC
 * day for the dashboard (every key for the operator's configured key, the caller's own for any other).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");
    private static final int MAX_DAYS = 400;

    private final UsageMeter meter;
    private final UsageLedger ledger;
    private final ApiKeyStore keys;
    private final InstantSource clock;

    public UsageResource(UsageMeter meter, UsageLedger ledger, ApiKeyStore keys, InstantSource clock) {
        this.meter = meter;
        this.ledger = ledger;
        this.keys = keys;
        this.clock = clock;
    }

    @GET
    @Path("v1/usage")
    @Operation(summary = "The calling key's chats and tokens in its budget's current UTC period (else the month), "
            + "its budget, what is left of it, and its expiry")
    public KeyUsageView usage(@Parameter(hidden = true) @Auth ApiClient client) {
        Instant now = clock.instant();
        return KeyUsageView.of(client.usageId(), client.name(), client.budget(), client.expiresAt(),
                read(() -> meter.totals(client.usageId(), KeyUsageView.periodOf(client.budget()), now)), now);
    }

    @GET
    @Path("usage/daily")
    @Operation(summary = "Chats and tokens per key and UTC day: every key's for the operator's key, else the "
            + "caller's own")
    public UsageHistoryView daily(@Parameter(hidden = true) @Auth ApiClient client,
                                  @Parameter(description = "how many days back, e.g. 7d (the default) or 30d; at most "
                                          + MAX_DAYS + "d") @QueryParam("since") String since) {
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days(since) - 1);
        Optional<String> scope = client.storedKeyId();
        Map<String, String> names = read(this::names);
        return new UsageHistoryView(first.toString(), read(() -> ledger.daily(first, scope)).stream()
                .map(day -> DailyUsageView.of(day, names.getOrDefault(day.keyId(), day.keyId()))).toList());
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        names.put(ApiClient.OPERATOR_ID, "operator");
        keys.list().forEach((ApiKey key) -> names.put(key.id(), key.name()));
        return names;
    }

    /** Days of history asked for, counting today: {@code 7d} is today and the six days before it. */
    private static int days(String since) {
        if (since == null || since.isBlank()) {
            return 7;
        }
        Matcher matcher = DAYS.matcher(since.strip());
        int days = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        if (days < 1 || days > MAX_DAYS) {
            throw new WebApplicationException(Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(422, "since must be a number of days from 1d to " + MAX_DAYS + "d"))
                    .build());
        }
        return days;
    }

    /** The totals live in the database: when it cannot be reached, 503 as for rate limits, not a stack trace. */
    private static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            throw new WebApplicationException(Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(503, "usage could not be read; retry shortly")).build());
        }
    }
}
