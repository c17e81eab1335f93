package org.sn1gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator gets wrong in a {@code type: openai} section is refused at start, with the field named. */
class OpenAiNetworkFactoryTest {
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());
    private static final Validator VALIDATOR = Validators.newValidator();

    private static List<String> problems(String yaml) throws Exception {
        NetworkFactory network = YAML.readValue(yaml, NetworkFactory.class);
        return VALIDATOR.validate(network).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted().toList();
    }

    @Test
    void acceptsUpstreamsWithDistinctNamesAndOrdinaryHeaders() throws Exception {
        assertThat(problems("""
                type: openai
                upstreams:
                  - {name: openai, baseUrl: "https://api.openai.com/v1", model: gpt-4o-mini, headers: {OpenAI-Organization: org-1}}
                  - {name: ollama, baseUrl: "http://localhost:11434/v1", model: llama3.1}
                """)).isEmpty();
    }

    @Test
    void refusesNoUpstreamsTwoOfOneNameAHeaderTheClientSetsAndABadUrl() throws Exception {
        assertThat(problems("type: openai\nupstreams: []\n")).containsExactly("upstreams must not be empty");
        assertThat(problems("""
                type: openai
                upstreams:
                  - {name: same, baseUrl: "http://a/v1", headers: {Host: elsewhere}}
                  - {name: same, baseUrl: "ftp://b/v1", maxConcurrent: 0}
                """)).containsExactly(
                "namesDistinct upstreams must have different names",
                "upstreams[0].headersSendable headers must not set Connection, Content-Length, Expect, Host or Upgrade",
                "upstreams[1].baseUrl must be an http:// or https:// URL",
                "upstreams[1].maxConcurrent must be greater than or equal to 1");
    }

    @Test
    void refusesAnApiKeyWhoseEnvironmentVariableIsUnset() throws Exception {
        // What the configuration's substitutor leaves of apiKey: ${OPENAI_API_KEY} when the variable is unset.
        assertThat(problems("""
                type: simulated
                fallback: [{name: openai, baseUrl: "https://api.openai.com/v1", apiKey: "${OPENAI_API_KEY}"}]
                """)).containsExactly("fallback[0].apiKey names an environment variable that is not"
                + " set: set it, or write ${NAME:-} for a server that needs no key");
        assertThat(problems("""
                type: openai
                upstreams: [{name: openai, baseUrl: "https://api.openai.com/v1", apiKey: "sk-test"}]
                """)).isEmpty();
    }

    @Test
    void everyTypeTakesAFallbackCheckedAsUpstreamsAre() throws Exception {
        for (String type : List.of("simulated", "openai\nupstreams: [{name: u, baseUrl: \"http://u/v1\"}]")) {
            assertThat(problems("type: " + type + "\nfallback: [{name: f, baseUrl: \"http://f/v1\"}]\n")).isEmpty();
        }
        assertThat(problems("""
                type: simulated
                fallback:
                  - {name: same, baseUrl: "http://a/v1"}
                  - {name: same, baseUrl: "ftp://b/v1"}
                """)).containsExactly(
                "fallbackNamesDistinct fallback upstreams must have different names",
                "fallback[1].baseUrl must be an http:// or https:// URL");
    }
}
