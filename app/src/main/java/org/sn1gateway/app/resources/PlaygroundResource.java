package org.sn1gateway.app.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code GET /}: the playground page (its script and styles are assets under {@code /assets}). No key is
 * needed to load it; the key typed into the page goes with its API calls.
 */
@Path("/")
public class PlaygroundResource {
    @GET
    @Produces(MediaType.TEXT_HTML)
    public InputStream page() {
        return PlaygroundResource.class.getResourceAsStream("/playground/index.html");
    }
}
