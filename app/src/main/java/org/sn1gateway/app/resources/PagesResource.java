package org.sn1gateway.app.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The pages: the playground at {@code /} and the miner dashboard at {@code /dashboard} (their scripts and
 * styles are assets under {@code /assets}). No key is needed to load them; the key typed into a page goes
 * with its API calls.
 */
@Path("/")
public class PagesResource {
    @GET
    @Produces(MediaType.TEXT_HTML)
    public InputStream playground() {
        return page("index.html");
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public InputStream dashboard() {
        return page("dashboard.html");
    }

    private static InputStream page(String name) {
        return PagesResource.class.getResourceAsStream("/playground/" + name);
    }
}
