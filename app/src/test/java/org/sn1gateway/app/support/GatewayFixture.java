package org.sn1gateway.app.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.sn1gateway.adapters.simulation.SimulatedSubnet;
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

    public static SimulatedSubnet subnet(DropwizardAppExtension<GatewayConfiguration> app) {
        return ((SimulatedNetworkFactory) app.getConfiguration().network()).subnet();
    }

    public static Jdbi database(DropwizardAppExtension<GatewayConfiguration> app) {
        return Jdbi.create(app.getConfiguration().database().getUrl(), "sa", "");
    }

    /** Rows of a query, as maps of column to value. */
    public static List<Map<String, Object>> rows(DropwizardAppExtension<GatewayConfiguration> app, String sql,
                                                 String queryId) {
        return database(app).withHandle(handle -> handle.createQuery(sql).bind("id", queryId).mapToMap().list());
    }
}
