package org.sn1gateway.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sn1gateway.app.support.GatewayFixture.request;
import static org.sn1gateway.app.support.GatewayFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sn1gateway.app.config.GatewayConfiguration;
import org.sn1gateway.app.support.GatewayFixture;

/** The OpenAPI document and its UI, fetched without a key from a running gateway. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDocumentationTest {
    private static final DropwizardAppExtension<GatewayConfiguration> APP = GatewayFixture.extension();

    @Test
    void theDocumentDescribesEveryEndpointWithItsSchemasAndNeedsNoKey() throws Exception {
        HttpResponse<String> response = send(request(APP, "/openapi.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = new ObjectMapper().readTree(response.body());

        assertThat(api.get("openapi").asText()).startsWith("3.");
        JsonNode paths = api.get("paths");
        assertThat(paths.has("/chat")).as(paths.toString()).isTrue();
        assertThat(paths.at("/~1chat/post")).isNotNull();
        assertThat(paths.at("/~1echo/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1v1~1chat~1completions/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1v1~1models/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1miners/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1miners~1stats/get").isMissingNode()).as("the dashboard's data").isFalse();
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.at("/ChatRequest/properties").has("messages")).isTrue();
        assertThat(schemas.at("/ChatRequest/properties").has("roles")).isTrue();
        assertThat(schemas.at("/ChatRequest/properties").has("k")).isTrue();
        assertThat(schemas.at("/OpenAiChatRequest/properties").has("messages")).isTrue();
        assertThat(api.at("/components/securitySchemes/api_key/name").asText()).isEqualTo("api_key");
        assertThat(schemas.has("StreamChunk")).isTrue();
        assertThat(schemas.has("ChatSummaryView")).isTrue();
        assertThat(schemas.has("MinerView")).isTrue();
        assertThat(schemas.at("/ChatCompletionChunk/properties/sn1_miner/$ref").asText()).as("a traced step on /v1")
                .endsWith("/MinerTraceView");
        assertThat(schemas.has("DashboardView")).isTrue();
        assertThat(paths.at("/~1chat/post/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(paths.at("/~1chat/post/responses/200/headers").has("X-Sn1-Answered-By")).isTrue();
        assertThat(paths.at("/~1v1~1chat~1completions/post/responses/200/headers").has("X-Sn1-Answered-By")).isTrue();
        assertThat(paths.at("/~1chat/post/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("/ChatSummaryView");
        assertThat(paths.at("/~1chat/post/parameters").size()).as("the route's pattern is no parameter").isZero();
        assertThat(paths.at("/~1v1~1chat~1completions/post/responses/422/content/application~1json/schema/$ref")
                .asText()).endsWith("/OpenAiError");
        assertThat(paths.at("/~1miners/get/requestBody").isMissingNode()).as("no body on a GET").isTrue();
        assertThat(paths.at("/~1chat/post/responses/422/content/application~1json/schema/$ref").asText())
                .endsWith("/ErrorMessage");
        assertThat(schemas.has("ErrorMessage")).isTrue();
        assertThat(response.body()).doesNotContain("ApiClient");
    }

    /** Every {@code METHOD /path} of the README's API table, e.g. {@code `GET /miners/stats?since=1h`}. */
    private static final Pattern README_ENDPOINT = Pattern.compile("`(GET|POST) (/[^`?\\s]*)");

    @Test
    void theDocumentListsEveryEndpointOfTheReadmesApiTable() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(send(request(APP, "/openapi.json")).body()).get("paths");
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("| endpoint");
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        List<String[]> endpoints = README_ENDPOINT.matcher(table).results()
                .map(match -> new String[] {match.group(1).toLowerCase(Locale.ROOT), match.group(2)}).toList();

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(10);
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        for (String[] endpoint : endpoints) {
            assertThat(paths.path(endpoint[1]).has(endpoint[0])).as(endpoint[0] + " " + endpoint[1] + " in " + listed)
                    .isTrue();
        }
    }

    @Test
    void thePagesAndTheDocumentItselfAreListedWithTheirContentTypesAndNeedNoKey() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(send(request(APP, "/openapi.json")).body()).get("paths");

        for (String page : List.of("/", "/dashboard", "/docs")) {
            assertThat(paths.path(page).path("get").path("responses").path("200").path("content").has("text/html"))
                    .as(page).isTrue();
        }
        assertThat(paths.at("/~1openapi.json/get/responses/200/content").has("application/json")).isTrue();
        assertThat(paths.at("/~1openapi.yaml/get/responses/200/content").has("application/yaml")).isTrue();
        for (String free : List.of("/", "/dashboard", "/docs", "/openapi.json", "/openapi.yaml")) {
            JsonNode security = paths.path(free).path("get").path("security");
            assertThat(security.isArray() && security.isEmpty()).as(free + " needs no key: " + security).isTrue();
        }
        assertThat(paths.at("/~1miners/get/security").isMissingNode()).as("the API keeps the default: a key").isTrue();
    }

    @Test
    void theRequestSchemasListWhatTheRequestsTakeAndNothingElse() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(send(request(APP, "/openapi.json")).body()).at("/components/schemas");

        assertThat(schemas.at("/ChatRequest/properties").has("trace")).isTrue();
        assertThat(schemas.at("/ChatRequest/properties").has("traced")).as("no field of the request").isFalse();
        assertThat(schemas.at("/OpenAiChatRequest/properties").has("traced")).as("no field of the request").isFalse();
        assertThat(schemas.at("/OpenAiChatRequest/properties/seed/type").asText()).as("accepted, as OpenAI's")
                .isEqualTo("integer");
        assertThat(schemas.at("/ChatRequest/properties/uids/items/type").asText()).isEqualTo("integer");
    }

    @Test
    void theBrowsableUiIsServedFromTheGatewayItselfWithoutAKey() throws Exception {
        HttpResponse<String> page = send(request(APP, "/docs"));
        HttpResponse<String> bundle = send(request(APP, "/docs/swagger-ui/swagger-ui-bundle.js"));
        HttpResponse<String> init = send(request(APP, "/docs/init.js"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("/docs/init.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(init.body()).contains("/openapi.json");
    }
}
