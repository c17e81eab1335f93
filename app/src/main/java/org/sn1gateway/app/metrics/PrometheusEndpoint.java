package org.sn1gateway.app.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code /prometheus} on the admin port: Dropwizard's metrics (JVM, Jetty, pool, endpoint timers) in
 * Prometheus' text format, plus the miner histograms of {@link MinerMetrics}, which are native Prometheus
 * metrics with labels (their Dropwizard twins are left out here so that nothing is exported twice).
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/prometheus";

    private PrometheusEndpoint() {
    }

    /** Registers the endpoint; the returned registry is where native Prometheus metrics go. */
    public static PrometheusRegistry register(Environment environment) {
        // A registry of its own: the global default would collect every gateway started in one JVM.
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics())
                .metricFilter((name, metric) -> exported(name)).register(registry);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
        return registry;
    }

    /**
     * Jersey's {@code <method>.total} timer is left out: Prometheus strips {@code _total}, so it would
     * collide with the method's own timer (the JSON {@code /metrics} still has it).
     */
    static boolean exported(String name) {
        return !name.startsWith(MinerMetrics.PREFIX) && !name.endsWith(".total");
    }
}
