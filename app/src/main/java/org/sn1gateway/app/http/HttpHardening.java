package org.sn1gateway.app.http;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.sn1gateway.app.config.CorsSettings;

/** The application port's HTTP protections: request ids, security headers and, when configured, CORS. */
public final class HttpHardening {
    private HttpHardening() {
    }

    public static void register(Environment environment, CorsSettings cors) {
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(requests, false, "/*");
        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter())
                .addMappingForUrlPatterns(requests, true, "/*");
        if (cors.enabled()) {
            environment.getApplicationContext().insertHandler(crossOrigin(cors));
        }
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
