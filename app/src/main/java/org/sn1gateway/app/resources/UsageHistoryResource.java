package org.sn1gateway.app.resources;

import static org.sn1gateway.app.resources.UsageResource.read;

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
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sn1gateway.app.api.DailyUsageView;
import org.sn1gateway.app.api.UsageHistoryView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.access.ApiKey;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.sn1gateway.domain.access.UsageLedger;

/**
 * {@code GET /usage/daily?since=7d}: chats and tokens per key and UTC day, as stored (up to {@code auth.usageFlush}
 * behind), for the dashboard: every key's for the operator's configured key, the caller's own for any other.
 */
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageHistoryResource {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");
    private static final int MAX_DAYS = 400;

    private final UsageLedger ledger;
    private final ApiKeyStore keys;
    private final InstantSource clock;

    public UsageHistoryResource(UsageLedger ledger, ApiKeyStore keys, InstantSource clock) {
        this.ledger = ledger;
        this.keys = keys;
        this.clock = clock;
    }

    @GET
    @Path("daily")
    @Operation(summary = "Chats and tokens per key and UTC day: every key's for the operator's key, else the "
            + "caller's own")
    public UsageHistoryView daily(@Parameter(hidden = true) @Auth ApiClient client,
                                  @Parameter(description = "how many days back, counting today: 7d (the default), "
                                          + "30d; at most " + MAX_DAYS + "d") @QueryParam("since") String since) {
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
}
