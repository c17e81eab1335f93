package org.sn1gateway.app.http;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.setup.ServletEnvironment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.sn1gateway.app.config.CorsSettings;

/**
 * HTTP protections: request ids and security headers on both ports (the admin port's health checks, metrics
 * and tasks included) and, when configured, CORS on the application port.
 */
public final class HttpHardening {
    private HttpHardening() {
    }

    public static void register(Environment environment, CorsSettings cors) {
        protect(environment.servlets(), SecurityHeadersFilter.applicationPort());
        protect(environment.admin(), SecurityHeadersFilter.adminPort());
        if (cors.enabled()) {
            environment.getApplicationContext().insertHandler(crossOrigin(cors));
        }
    }

    private static void protect(ServletEnvironment port, SecurityHeadersFilter headers) {
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        port.addFilter("request-id", new RequestIdFilter()).addMappingForUrlPatterns(requests, false, "/*");
        port.addFilter("security-headers", headers).addMappingForUrlPatterns(requests, true, "/*");
    }

    /** Jetty's own handler: it answers preflights itself and adds headers only for allowed origins. */
    private static CrossOriginHandler crossOrigin(CorsSettings cors) {
        CrossOriginHandler handler = new CrossOriginHandler();
        handler.setAllowedOriginPatterns(cors.originPatterns());
        handler.setAllowedMethods(Set.of("GET", "POST", "OPTIONS"));
        handler.setAllowedHeaders(cors.allowedHeaders());
        handler.setExposedHeaders(Set.of(RequestIdFilter.HEADER, "Retry-After", "X-RateLimit-Limit",
                "X-RateLimit-Remaining", "X-RateLimit-Reset"));
        handler.setPreflightMaxAge(cors.maxAge());
        handler.setAllowCredentials(false);
        return handler;
    }
}
