package org.sn1gateway.app.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the API key from {@code api_key} (the original Subnet 1 API), {@code api-key} (what survives
 * proxies that drop underscored headers, such as nginx by default) or {@code Authorization: Bearer}
 * (OpenAI clients), in that order. A valid key past its expiry is refused with {@code 401} saying that it expired.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthFilter<P extends Principal> extends AuthFilter<String, P> {
    private static final String BEARER = "Bearer";

    private ApiKeyAuthFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> key = presentedKey(request);
        if (key.isEmpty() || !authenticate(request, key.get(), BEARER)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof ApiClient client
                && client.expiredAt(Instant.now())) {
            throw expired(client);
        }
    }

    /** A key past its expiry: 401 as for a wrong key, but saying which key expired and when. */
    private WebApplicationException expired(ApiClient client) {
        return new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(401, "API key " + client.keyId() + " expired at "
                        + client.expiresAt().truncatedTo(ChronoUnit.SECONDS)))
                .build());
    }

    static Optional<String> presentedKey(ContainerRequestContext request) {
        return Stream.of(request.getHeaderString("api_key"), request.getHeaderString("api-key"),
                        bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)))
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .findFirst();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        return space > 0 && authorization.substring(0, space).equalsIgnoreCase(BEARER)
                ? authorization.substring(space + 1) : null;
    }

    public static final class Builder<P extends Principal> extends AuthFilterBuilder<String, P, ApiKeyAuthFilter<P>> {
        @Override
        protected ApiKeyAuthFilter<P> newInstance() {
            return new ApiKeyAuthFilter<>();
        }
    }
}
