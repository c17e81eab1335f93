package org.sn1gateway.app.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.config.SimulatedNetworkFactory;

/** The whole gateway started for real on random ports, with helpers to reach it as a client would. */
public final class GatewayFixture {
    public static final String API_KEY = "test-key";

    private GatewayFixture() {
    }

    /**
     * A gateway on test-config.yml with an in-memory database of its own, so that test classes never see
     * each other's rows, and any further settings.
     */
    public static DropwizardAppExtension<GatewayConfiguration> extension(ConfigOverride... settings) {
        ConfigOverride[] all = new ConfigOverride[settings.length + 1];
        all[0] = ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        System.arraycopy(settings, 0, all, 1, settings.length);
        return new DropwizardAppExtension<>(GatewayApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                all);
    }

    public static WebTarget target(DropwizardAppExtension<GatewayConfiguration> app, String path) {
        return app.client().target("http://127.0.0.1:" + app.getLocalPort()).path(path);
    }

    public static Response post(DropwizardAppExtension<GatewayConfiguration> app, String path, String body,
                                Map<String, String> headers) {
        var request = target(app, path).request(MediaType.APPLICATION_JSON_TYPE);
        headers.forEach(request::header);
        return request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * A request to the gateway's API port for the JDK's client, which, unlike the test client (Apache
     * HttpClient 5), never retries a 429 by itself and sends exactly the headers it is given.
     */
    public static HttpRequest.Builder request(DropwizardAppExtension<GatewayConfiguration> app, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + "/" + path.replaceFirst("^/", "")));
    }

    /** A JSON POST that asks for a JSON answer, for {@link #send}. */
    public static HttpRequest.Builder postJson(DropwizardAppExtension<GatewayConfiguration> app, String path,
                                               String body) {
        return request(app, path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends through a fresh JDK client, following redirects, and reads the body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Requests the simulated subnet's axons have received so far, from the gateway's own gauge. */
    public static long minerRequestsReceived(DropwizardAppExtension<GatewayConfiguration> app) {
        return gauge(app, SimulatedNetworkFactory.REQUESTS_RECEIVED);
    }

    /** Streams of the simulated subnet's axons whose caller went away, from the gateway's own gauge. */
    public static long minerStreamsAbandoned(DropwizardAppExtension<GatewayConfiguration> app) {
        return gauge(app, SimulatedNetworkFactory.STREAMS_ABANDONED);
    }

    private static long gauge(DropwizardAppExtension<GatewayConfiguration> app, String name) {
        return ((Number) app.getEnvironment().metrics().getGauges().get(name).getValue()).longValue();
    }

    public static Jdbi database(DropwizardAppExtension<GatewayConfiguration> app) {
        return Jdbi.create(app.getConfiguration().database().getUrl(), "sa", "");
    }

    /** Rows of a query without parameters, as maps of column to value. */
    public static List<Map<String, Object>> rows(DropwizardAppExtension<GatewayConfiguration> app, String sql) {
        return database(app).withHandle(handle -> handle.createQuery(sql).mapToMap().list());
    }

    /** Rows of a query of one query's id, bound as {@code :id}, as maps of column to value. */
    public static List<Map<String, Object>> rows(DropwizardAppExtension<GatewayConfiguration> app, String sql,
                                                 String queryId) {
        return database(app).withHandle(handle -> handle.createQuery(sql).bind("id", queryId).mapToMap().list());
    }
}
