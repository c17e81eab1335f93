package org.sn1gateway.app.config;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.sn1gateway.adapters.dendrite.MinerHttpClients;

/** The HTTP client a network asks its miners with, stopped with the gateway after its streams have ended. */
final class MinerClients {
    private MinerClients() {
    }

    static HttpClient started(Environment environment, Duration connectTimeout) {
        HttpClient client = MinerHttpClients.create(connectTimeout);
        environment.lifecycle().manage(client);
        return client;
    }
}
