package org.sn1gateway.app.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sn1gateway.app.api.MinerView;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.model.MinerTimings;
import org.sn1gateway.domain.port.MinerNetwork;
import org.sn1gateway.domain.port.MinerTimingReport;
import org.sn1gateway.domain.sampling.AvailabilityRules;

/** {@code GET /miners}: the metagraph as the gateway sees it, joined with what the query log observed. */
@Path("/miners")
public class MinersResource {
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
    public Response miners(@Parameter(hidden = true) @Auth ApiClient client, @QueryParam("format") String format) {
        Map<Integer, MinerTimings> observed = timings.since(Instant.EPOCH).stream()
                .collect(Collectors.toMap(MinerTimings::uid, Function.identity()));
        List<MinerView> rows = network.metagraph().miners().stream()
                .map(miner -> MinerView.of(miner, availability.isAvailable(miner), observed.get(miner.uid())))
                .toList();
        if ("csv".equals(format)) {
            String csv = rows.stream().map(MinerView::csvLine)
                    .collect(Collectors.joining("\n", MinerView.CSV_HEADER + "\n", "\n"));
            return Response.ok(csv, "text/csv").build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
