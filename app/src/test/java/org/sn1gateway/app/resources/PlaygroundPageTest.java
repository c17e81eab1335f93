package org.sn1gateway.app.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.request;
import static org.sn1gateway.app.support.GatewayFixture.send;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** The playground page and its assets are served by the gateway itself, without a key. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PlaygroundPageTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    @Test
    void thePageHasTheStableIdsAndLoadsOnlyTheGatewaysOwnAssets() throws Exception {
        HttpResponse<String> page = send(request(APP, "/"));
        HttpResponse<String> script = send(request(APP, "/assets/playground.js"));
        HttpResponse<String> styles = send(request(APP, "/assets/playground.css"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"prompt\"", "id=\"send\"", "id=\"api-key\"", "id=\"answer\"",
                "src=\"/assets/playground.js\"").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("trace: true", "dataset.uid", "sessionStorage");
        assertThat(styles.statusCode()).isEqualTo(200);
    }
}
