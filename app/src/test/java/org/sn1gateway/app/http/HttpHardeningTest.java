package org.sn1gateway.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.request;
import static org.sn1gateway.app.support.GatewayFixture.send;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** Request ids, security headers and CORS (off unless configured), on a running gateway. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpHardeningTest {
    private static final String ORIGIN = "https://app.example.com";
    private static final DropwizardAppExtension<GatewayConfiguration> DEFAULT = GatewayFixture.extension();
    private static final DropwizardAppExtension<GatewayConfiguration> WITH_CORS = new DropwizardAppExtension<>(
            GatewayApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), "cors.",
            ConfigOverride.config("cors.", "database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("cors.", "cors.allowedOrigins", ORIGIN));

    private static HttpRequest.Builder models(DropwizardAppExtension<GatewayConfiguration> app) {
        return request(app, "v1/models");
    }

    private static HttpRequest.Builder preflight(DropwizardAppExtension<GatewayConfiguration> app) {
        return request(app, "chat")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,api_key");
    }

    @Test
    void everyResponseCarriesARequestIdAndTheSecurityHeadersErrorsIncluded() throws Exception {
        HttpResponse<String> ok = send(models(DEFAULT).header("api_key", API_KEY));
        HttpResponse<String> refused = send(models(DEFAULT));

        for (HttpResponse<String> response : java.util.List.of(ok, refused)) {
            assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.API_POLICY);
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ok.headers().firstValue("X-Request-Id")).isNotEqualTo(refused.headers().firstValue("X-Request-Id"));
    }

    @Test
    void aProxysWellFormedRequestIdIsKeptAndAnythingElseReplaced() throws Exception {
        HttpResponse<String> kept = send(models(DEFAULT).header("api_key", API_KEY)
                .header("X-Request-Id", "lb-4711-abcdef"));
        HttpResponse<String> replaced = send(models(DEFAULT).header("api_key", API_KEY)
                .header("X-Request-Id", "x <script>alert(1)</script>"));

        assertThat(kept.headers().firstValue("X-Request-Id")).contains("lb-4711-abcdef");
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("script").hasSize(36);
    }

    @Test
    void browsersGetNoCorsPermissionUnlessOriginsAreConfigured() throws Exception {
        HttpResponse<String> off = send(preflight(DEFAULT));
        HttpResponse<String> on = send(preflight(WITH_CORS));
        HttpResponse<String> otherOrigin = send(preflight(WITH_CORS).setHeader("Origin", "https://evil.example"));

        assertThat(off.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(on.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(on.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("api_key").contains("content-type");
        assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> actual = send(models(WITH_CORS).header("api_key", API_KEY).header("Origin", ORIGIN));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Request-Id");
    }
}
