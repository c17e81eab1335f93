package org.sn1gateway.app.resources;

import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.errors.ErrorMessage;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sn1gateway.app.api.DashboardView;
import org.sn1gateway.app.api.MinerView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.model.AnswerSample;
import org.sn1gateway.domain.model.MinerTimings;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerTimingReport;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** {@code GET /miners}: the metagraph as the gateway sees it, joined with what the query log observed. */
@Path("/miners")
public class MinersResource {
    /** The dashboard reads at most this many answers of its window, the newest. */
    private static final int MAX_SAMPLES = 50_000;
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([mhd])");

    private final MinerNetwork network;
    private final MinerTimingReport timings;
    private final AvailabilityRules availability;

    public MinersResource(MinerNetwork network, MinerTimingReport timings, AvailabilityRules availability) {
        this.network = network;
        this.timings = timings;
        this.availability = availability;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response miners(@Parameter(hidden = true) @Auth ApiClient client,
                           @Parameter(description = "json (the default) or csv, in either case; any other is a 400")
                           @QueryParam("format") String format) {
        boolean asCsv = isCsv(format);
        List<MinerView> rows = rows(Instant.EPOCH, false);
        if (asCsv) {
            String csv = rows.stream().map(MinerView::csvLine)
                    .collect(Collectors.joining("\n", MinerView.CSV_HEADER + "\n", "\n"));
            return Response.ok(csv, "text/csv").build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code json} (the default) or {@code csv}, in either case; anything else is refused, not taken for JSON. */
    private static boolean isCsv(String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new WebApplicationException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(400, "format must be json or csv")).build());
    }

    /**
     * {@code GET /miners/stats?since=1h}: what the dashboard draws, over the last hour (or {@code 15m},
     * {@code 24h}, {@code 7d}): the miners heard from in the window with their statistics of it (no
     * validator, no miner the window never asked), and the window's answers (of one miner with {@code uid})
     * over time and by time.
     */
    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardView stats(@Parameter(hidden = true) @Auth ApiClient client, @QueryParam("since") String since,
                               @QueryParam("uid") Integer uid) {
        Instant now = Instant.now();
        Instant start = now.minus(window(since));
        List<AnswerSample> samples = timings.samples(start, MAX_SAMPLES).stream()
                .filter(sample -> uid == null || sample.uid() == uid).toList();
        return DashboardView.of(start, now, rows(start, true), samples);
    }

    /**
     * The neurons with what the query log observed of them since a moment.
     *
     * @param heardFromOnly only the miners the log holds answers of in that time, and no validator
     */
    private List<MinerView> rows(Instant since, boolean heardFromOnly) {
        Map<Integer, MinerTimings> observed = timings.since(since).stream()
                .collect(Collectors.toMap(MinerTimings::uid, Function.identity()));
        return network.metagraph().miners().stream()
                .filter(miner -> !heardFromOnly || observed.containsKey(miner.uid()) && !availability.isValidator(miner))
                .map(miner -> MinerView.of(miner, availability.isAvailable(miner), observed.get(miner.uid())))
                .toList();
    }

    private static Duration window(String since) {
        if (since == null || since.isBlank()) {
            return Duration.ofHours(1);
        }
        Matcher matcher = WINDOW.matcher(since.strip());
        if (!matcher.matches()) {
            throw new WebApplicationException(Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorMessage(422, "since must be a number and a unit: 15m, 1h, 24h or 7d")).build());
        }
        long amount = Math.min(Long.parseLong(matcher.group(1)), 10_000);
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
