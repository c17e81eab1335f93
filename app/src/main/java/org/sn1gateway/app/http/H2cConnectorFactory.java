package org.sn1gateway.app.http;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.metrics.jetty12.InstrumentedConnectionFactory;
import jakarta.validation.constraints.Min;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * {@code type: h2c}: the {@code http} connector that also speaks HTTP/2 without TLS, to a client that
 * starts with HTTP/2's preface (prior knowledge) or upgrades a request without a body. A reverse proxy or
 * a load generator can then carry thousands of chat streams on a few connections, where HTTP/1.1 needs a
 * connection, and a file descriptor, for every open stream. HTTP/1.1 clients are served as before.
 */
@JsonTypeName("h2c")
public class H2cConnectorFactory extends HttpConnectorFactory {
    /** Streams one connection may have open at once; Jetty's own default, 128, suits browsers, not proxies. */
    @Min(1)
    private int maxConcurrentStreams = 1024;

    @JsonProperty
    public int getMaxConcurrentStreams() {
        return maxConcurrentStreams;
    }

    @JsonProperty
    public void setMaxConcurrentStreams(int maxConcurrentStreams) {
        this.maxConcurrentStreams = maxConcurrentStreams;
    }

    @Override
    public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
        HttpConfiguration configuration = buildHttpConfiguration();
        HTTP2CServerConnectionFactory http2 = new HTTP2CServerConnectionFactory(configuration);
        http2.setMaxConcurrentStreams(maxConcurrentStreams);
        return buildConnector(server, new ScheduledExecutorScheduler(), buildBufferPool(), name, threadPool,
                new InstrumentedConnectionFactory(buildHttpConnectionFactory(configuration),
                        metrics.timer(httpConnections())), http2);
    }
}
