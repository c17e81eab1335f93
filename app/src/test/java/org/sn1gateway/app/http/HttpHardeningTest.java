package org.sn1gateway.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.API_KEY;
import static org.sn1gateway.app.support.GatewayFixture.request;
import static org.sn1gateway.app.support.GatewayFixture.send;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.GatewayApplication;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** Request ids, security headers and CORS (off unless configured), on a running gateway's two ports. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpHardeningTest {
    private static final String ORIGIN = "https://app.example.com";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
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

        for (HttpResponse<String> response : List.of(ok, refused)) {
            assertHardened(response, SecurityHeadersFilter.API_POLICY);
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
        // The README's rule: 8 to 64 letters, digits, '.', '_' or '-'.
        for (String wellFormed : List.of("a.b_c-d9", "A".repeat(64))) {
            assertThat(requestIdFor(wellFormed)).isEqualTo(wellFormed);
        }
        for (String malformed : List.of("a.b_c-9", "A".repeat(65), "lb 4711 abc", "lb/4711/abc", "lb:4711:abc")) {
            assertThat(requestIdFor(malformed)).as(malformed).matches(UUID_PATTERN);
        }
    }

    private static String requestIdFor(String presented) throws Exception {
        return send(models(DEFAULT).header("api_key", API_KEY).header("X-Request-Id", presented))
                .headers().firstValue("X-Request-Id").orElseThrow();
    }

    @Test
    void streamedAnswersAreNotStoredEither() throws Exception {
        String chat = "{\"messages\": [\"hi there\"], \"roles\": [\"user\"], \"uids\": [0]}";
        String openAi = "{\"model\": \"sn1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], "
                + "\"stream\": true, \"uids\": [0]}";
        for (var stream : List.of(stream("chat", chat), stream("echo", chat), stream("v1/chat/completions", openAi))) {
            HttpResponse<String> response = send(stream);
            assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertHardened(response, SecurityHeadersFilter.API_POLICY);
        }
    }

    private static HttpRequest.Builder stream(String path, String body) {
        return request(DEFAULT, path).header("api_key", API_KEY).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void thePagesMayRunOnlyTheGatewaysOwnScriptsAndStylesAndAreNotStored() throws Exception {
        for (String page : List.of("/", "/dashboard", "/docs/")) {
            HttpResponse<String> response = send(request(DEFAULT, page));
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(page).startsWith("text/html");
            assertHardened(response, SecurityHeadersFilter.PAGE_POLICY);
        }
        assertThat(SecurityHeadersFilter.PAGE_POLICY).startsWith("default-src 'none';")
                .contains("script-src 'self';", "style-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe", "http:", "https:", "*");
        for (String asset : List.of("/assets/playground.js", "/assets/playground.css", "/docs/init.js",
                "/docs/swagger-ui/swagger-ui-bundle.js", "/openapi.json")) {
            HttpResponse<String> response = send(request(DEFAULT, asset));
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertHardened(response, SecurityHeadersFilter.API_POLICY);
        }
    }

    @Test
    void theAdminPortCarriesRequestIdsAndTheSecurityHeadersToo() throws Exception {
        for (String path : List.of("/", "/healthcheck", "/metrics", "/prometheus", "/ping")) {
            HttpResponse<String> response = send(admin(path));
            assertThat(response.statusCode()).as(path).isIn(200, 500);
            assertHardened(response, SecurityHeadersFilter.API_POLICY);
        }
        HttpResponse<String> task = send(admin("/tasks/gc").POST(HttpRequest.BodyPublishers.noBody())
                .header("X-Request-Id", "ops-run-0042"));
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.headers().firstValue("X-Request-Id")).contains("ops-run-0042");
        assertThat(task.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.API_POLICY);
        assertThat(task.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + DEFAULT.getAdminPort() + path));
    }

    private static void assertHardened(HttpResponse<String> response, String policy) {
        String where = response.uri().toString();
        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).as(where).matches(UUID_PATTERN);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(where).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(where).contains("no-referrer");
        assertThat(response.headers().allValues("Content-Security-Policy")).as(where).containsExactly(policy);
        // The admin servlets add must-revalidate and no-cache of their own; no-store is what counts.
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow().split(" *, *")).as(where)
                .contains("no-store");
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
