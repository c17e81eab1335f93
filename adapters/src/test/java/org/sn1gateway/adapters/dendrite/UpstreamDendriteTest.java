package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sn1gateway.domain.model.TokenUsage;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;

/** The parts of an upstream call that need no server: the pause a 429 asks for, and a whole completion. */
class UpstreamDendriteTest {
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    private static Duration retryAfter(String... value) {
        return UpstreamDendrite.retryAfter(value.length == 0 ? null : value[0], NOW);
    }

    @Test
    void pausesForTheSecondsOrUntilTheDateRetryAfterGivesWithinBounds() {
        assertThat(retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(retryAfter("Fri, 04 Dec 2026 17:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(retryAfter("Fri, 04 Dec 2026 16:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(retryAfter("999999999")).isEqualTo(UpstreamDendrite.MAX_PAUSE);
        assertThat(retryAfter("soon")).isEqualTo(UpstreamDendrite.DEFAULT_PAUSE);
        assertThat(retryAfter()).isEqualTo(UpstreamDendrite.DEFAULT_PAUSE);
    }

    @Test
    void readsAWholeCompletionAndReportsItsModelAndUsage() {
        List<Object> reported = new ArrayList<>();
        CompletionDecoder decoder = new CompletionDecoder(new CompletionReport() {
            @Override
            public void model(String model) {
                reported.add(model);
            }

            @Override
            public void usage(TokenUsage usage) {
                reported.add(usage);
            }
        });
        byte[] body = ("{\"object\":\"chat.completion\",\"model\":\"llama3.1:8b\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi — 日本\"}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}").getBytes(StandardCharsets.UTF_8);

        String early = decoder.decode(ByteBuffer.wrap(body, 0, 100));
        String rest = decoder.decode(ByteBuffer.wrap(body, 100, body.length - 100));

        assertThat(early + rest).isEmpty();
        assertThat(decoder.finish()).isEqualTo("Hi — 日本");
        assertThat(reported).containsExactly("llama3.1:8b", new TokenUsage(3, 4, 7));
    }

    @Test
    void refusesAJsonBodyThatIsNoCompletionOrAnError() {
        CompletionDecoder notACompletion = new CompletionDecoder(CompletionReport.NONE);
        notACompletion.decode(ByteBuffer.wrap("{\"object\":\"list\"}".getBytes(StandardCharsets.UTF_8)));
        CompletionDecoder error = new CompletionDecoder(CompletionReport.NONE);
        error.decode(ByteBuffer.wrap("{\"error\":{\"message\":\"model not found\"}}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(notACompletion::finish).isInstanceOfSatisfying(MalformedAnswerException.class,
                e -> assertThat(e.reason().code()).isEqualTo("not_a_completion"));
        assertThatThrownBy(error::finish).isInstanceOfSatisfying(MalformedAnswerException.class,
                e -> assertThat(e.reason().text()).isEqualTo("the miner reported an error: model not found"));
    }

    @Test
    void keepsTheKeyOutOfTheUpstreamsTextAndSendsItAsABearerToken() throws Exception {
        Upstream upstream = new Upstream("openai", URI.create("https://api.example.com/v1/"), "sk-secret",
                "gpt-4o-mini", Map.of("X-Team", "research"), 4);

        HttpClient http = MinerHttpClients.create(Duration.ofSeconds(1));
        var request = UpstreamDendrite.request(http, upstream,
                new org.sn1gateway.domain.port.MinerPrompt(List.of(), Duration.ofSeconds(3)));

        assertThat(upstream.toString()).doesNotContain("sk-secret");
        assertThat(request.getURI()).isEqualTo(URI.create("https://api.example.com/v1/chat/completions"));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-secret");
        assertThat(request.getHeaders().get("X-Team")).isEqualTo("research");
        http.stop();
    }
}
