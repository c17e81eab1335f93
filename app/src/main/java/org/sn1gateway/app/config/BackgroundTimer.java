package org.sn1gateway.app.config;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.setup.ScheduledExecutorServiceBuilder;
import java.util.concurrent.ScheduledExecutorService;

/** A one-thread scheduler for background work, stopped with the application. */
public final class BackgroundTimer {
    private BackgroundTimer() {
    }

    /**
     * Dropwizard names an executor's metrics after the name it is given ({@code <name>.running} and so on),
     * so the name carries no {@code %d}: the thread factory numbers the threads ({@code housekeeping-1}).
     */
    public static ScheduledExecutorService named(Environment environment, String name) {
        return new ScheduledExecutorServiceBuilder(environment.lifecycle(), name,
                Thread.ofPlatform().name(name + "-", 1).daemon(false).factory()).threads(1).build();
    }
}
