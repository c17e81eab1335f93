package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * The current Subnet 1 dendrite: an OpenAI chat-completions request to the miner's axon, signed with
 * Epistula v2 headers, whose answer streams back as OpenAI chunks (bittensor.md §2).
 */
public final class EpistulaDendrite implements Dendrite {
    static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Body keys that the validator does not mirror into headers. */
    private static final List<String> NOT_MIRRORED = List.of("messages", "model", "stream");

    private final HttpClient http;
    private final RequestSigner signer;
    private final InstantSource clock;
    private final long maxAnswerBytes;

    public EpistulaDendrite(HttpClient http, RequestSigner signer, InstantSource clock, long maxAnswerBytes) {
        this.http = http;
        this.signer = signer;
        this.clock = clock;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    @Override
    public MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        StreamedCall call = new StreamedCall(listener, OpenAiStreamDecoder::new, maxAnswerBytes);
        call.send(request(miner, prompt), http.getScheduler(), prompt.timeout());
        return call;
    }

    Request request(Miner miner, MinerPrompt prompt) {
        Map<String, Object> fields = body(prompt);
        byte[] body = serialise(fields);
        HttpFields.Mutable headers = HttpFields.build().add("X-Client-Timeout", PythonRepr.str(fields.get("timeout")));
        fields.forEach((key, value) -> {
            if (!NOT_MIRRORED.contains(key)) {
                headers.add(key, PythonRepr.str(value));
            }
        });
        EpistulaSigning.headers(signer, body, UUID.randomUUID().toString(), clock.millis(), miner.hotkey())
                .forEach(headers::add);
        return http.newRequest(URI.create("http://" + miner.axon().urlHost() + ":" + miner.axon().port() + PATH))
                .method(HttpMethod.POST)
                .headers(mutable -> mutable.add(headers))
                .body(new BytesRequestContent("application/json", body));
    }

    /** The request Subnet 1's validator sends for an inference task. */
    private static Map<String, Object> body(MinerPrompt prompt) {
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("temperature", 0.7);
        sampling.put("top_p", 0.95);
        sampling.put("top_k", 50);
        sampling.put("max_new_tokens", 1024);
        sampling.put("do_sample", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", null);
        body.put("messages", prompt.messages().stream()
                .map(message -> Map.of("role", message.role().wireName(), "content", message.content())).toList());
        body.put("stream", true);
        body.put("seed", ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("task", "InferenceTask");
        body.put("mixture", false);
        body.put("sampling_parameters", sampling);
        body.put("timeout", Math.max(1, (int) prompt.timeout().toSeconds()));
        return body;
    }

    private static byte[] serialise(Map<String, Object> body) {
        try {
            // The signature covers these exact bytes; they are sent as they are.
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
