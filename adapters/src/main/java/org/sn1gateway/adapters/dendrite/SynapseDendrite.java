package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.Miner;
import org.sn1gateway.domain.port.MinerAnswerListener;
import org.sn1gateway.domain.port.MinerCall;
import org.sn1gateway.domain.port.MinerPrompt;

/**
 * The classic Subnet 1 dendrite: a signed {@code StreamPromptingSynapse} POST whose response body is the
 * answer as raw UTF-8 text, read as it streams (bittensor.md §1).
 */
public final class SynapseDendrite implements Dendrite {
    public static final String SYNAPSE_NAME = "StreamPromptingSynapse";
    /** The version a 2026 SDK dendrite sends; at or above 7002000 axons apply the nonce window rule. */
    static final int DENDRITE_VERSION = 10_002_000;
    private static final String EMPTY_LIST_JSON_BASE64 = "W10="; // base64("[]")
    private static final String EMPTY_STRING_JSON_BASE64 = "IiI="; // base64("\"\"")
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final RequestSigner signer;
    private final NonceSource nonces;
    private final long maxAnswerBytes;
    private final DendriteUuids uuids = new DendriteUuids();

    public SynapseDendrite(HttpClient http, RequestSigner signer, NonceSource nonces, long maxAnswerBytes) {
        this.http = http;
        this.signer = signer;
        this.nonces = nonces;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    @Override
    public MinerCall call(Miner miner, MinerPrompt prompt, MinerAnswerListener listener) {
        return NonceRaceRetry.start(each -> {
            String axon = endpoint(miner).toString();
            String uuid = uuids.borrow(axon);
            StreamedCall call = new StreamedCall(each, RawTextDecoder::new, maxAnswerBytes,
                    response -> AxonSignatures.refusal(response.getHeaders(), signer.hotkey(), miner.hotkey()),
                    () -> uuids.giveBack(axon, uuid));
            call.send(request(miner, prompt, uuid), http.getScheduler(), prompt.timeout());
            return call;
        }, listener);
    }

    /** The signed request this dendrite would send for one call, with a fresh nonce and UUID; not sent. */
    public Request request(Miner miner, MinerPrompt prompt) {
        return request(miner, prompt, UUID.randomUUID().toString());
    }

    private Request request(Miner miner, MinerPrompt prompt, String uuid) {
        List<String> roles = prompt.messages().stream().map(message -> message.role().wireName()).toList();
        List<String> messages = prompt.messages().stream().map(Message::content).toList();
        long nonce = nonces.next();
        String bodyHash = SynapseSigning.computedBodyHash(messages);
        HttpFields.Mutable headers = HttpFields.build()
                .add("name", SYNAPSE_NAME)
                .add("timeout", pythonFloat(prompt.timeout()))
                .add("bt_header_axon_ip", miner.axon().ip())
                .add("bt_header_axon_port", Integer.toString(miner.axon().port()))
                .add("bt_header_axon_hotkey", miner.hotkey())
                .add("bt_header_dendrite_ip", "0.0.0.0")
                .add("bt_header_dendrite_version", Integer.toString(DENDRITE_VERSION))
                .add("bt_header_dendrite_nonce", Long.toString(nonce))
                .add("bt_header_dendrite_uuid", uuid)
                .add("bt_header_dendrite_hotkey", signer.hotkey())
                .add("bt_header_input_obj_roles", EMPTY_LIST_JSON_BASE64)
                .add("bt_header_input_obj_messages", EMPTY_LIST_JSON_BASE64)
                // Required by the Sep-Nov 2024 synapse (prompting v2.8); the July 2024 one ignores it. Without
                // it an SDK 10 axon cannot build the synapse and answers 500.
                .add("bt_header_input_obj_task_name", EMPTY_STRING_JSON_BASE64)
                .add("header_size", "0")
                .add("total_size", "0")
                .add("computed_body_hash", bodyHash);
        signer.sign(SynapseSigning.signatureMessage(nonce, signer.hotkey(), miner.hotkey(), uuid, bodyHash))
                .ifPresent(signature -> headers.add("bt_header_dendrite_signature", signature));
        return http.newRequest(endpoint(miner))
                .method(HttpMethod.POST)
                .headers(mutable -> mutable.add(headers))
                .body(new BytesRequestContent("application/json",
                        body(roles, messages, prompt.timeout(), nonce, uuid)));
    }

    private static URI endpoint(Miner miner) {
        return URI.create("http://" + miner.axon().urlHost() + ":" + miner.axon().port() + "/" + SYNAPSE_NAME);
    }

    private byte[] body(List<String> roles, List<String> messages, Duration timeout, long nonce, String uuid) {
        Map<String, Object> dendrite = new LinkedHashMap<>();
        dendrite.put("ip", "0.0.0.0");
        dendrite.put("version", DENDRITE_VERSION);
        dendrite.put("nonce", nonce);
        dendrite.put("uuid", uuid);
        dendrite.put("hotkey", signer.hotkey());
        Map<String, Object> synapse = new LinkedHashMap<>();
        synapse.put("name", SYNAPSE_NAME);
        synapse.put("timeout", timeout.toMillis() / 1000.0);
        synapse.put("total_size", 0);
        synapse.put("header_size", 0);
        synapse.put("dendrite", dendrite);
        synapse.put("computed_body_hash", "");
        synapse.put("required_hash_fields", List.of("messages"));
        synapse.put("roles", roles);
        synapse.put("messages", messages);
        synapse.put("task_name", "");
        synapse.put("completion", "");
        try {
            return JSON.writeValueAsBytes(synapse);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /** Python's {@code str(float)} for a whole or fractional number of seconds: {@code 15.0}, {@code 2.5}. */
    static String pythonFloat(Duration duration) {
        return Double.toString(duration.toMillis() / 1000.0);
    }

    /** The classic protocol streams bare UTF-8 text: no framing at all. */
    private static final class RawTextDecoder implements AnswerDecoder {
        private final Utf8StreamDecoder utf8 = new Utf8StreamDecoder();

        @Override
        public String decode(ByteBuffer bytes) {
            return utf8.decode(bytes);
        }

        @Override
        public String finish() {
            return utf8.finish();
        }
    }
}
