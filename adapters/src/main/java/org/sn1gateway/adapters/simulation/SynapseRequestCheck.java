package org.sn1gateway.adapters.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sn1gateway.adapters.dendrite.SynapseDendrite;
import org.sn1gateway.adapters.dendrite.SynapseSigning;

/**
 * What a Python SDK 10 axon serving the Sep-Nov 2024 synapse (which requires {@code task_name}) checks before
 * its miner sees a request (bittensor.md §1.7), in the same order and with the same status codes.
 */
final class SynapseRequestCheck {
    private static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int status, String body, String lastMessage) {
        boolean accepted() {
            return status == 200;
        }

        static Result refuse(int status, String body) {
            return new Result(status, body, null);
        }
    }

    private SynapseRequestCheck() {
    }

    /** Checks a request in the SDK's order; {@code verifier} is empty for an axon that does not verify. */
    static Result of(HttpExchange exchange, Optional<SynapseVerifier> verifier) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^/", "").split("/", 2)[0];
        if (!name.equals(SynapseDendrite.SYNAPSE_NAME)) {
            return Result.refuse(404, "{\"message\": \"Synapse name '" + name.replace("\"", "")
                    + "' not found. Available synapses ['" + SynapseDendrite.SYNAPSE_NAME + "']\"}");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Result.refuse(405, "{\"detail\": \"Method Not Allowed\"}");
        }
        String bodyHash = exchange.getRequestHeaders().getFirst("computed_body_hash");
        if (bodyHash == null || !headersParse(exchange)) {
            // SDK 7 answered 400 "Improperly formatted request"; SDK 10 raises a plain exception here.
            return internalServerError();
        }
        Optional<String> notVerified = verifier.flatMap(check -> check.refusal(exchange.getRequestHeaders()));
        if (notVerified.isPresent()) {
            return Result.refuse(401, "{\"message\": \"Not Verified with error: "
                    + notVerified.get().replace("\"", "'") + "\"}");
        }
        List<String> messages = messages(exchange);
        if (messages == null) {
            return Result.refuse(422, "{\"detail\": [{\"loc\": [\"body\", \"messages\"], \"msg\": \"field required\"}]}");
        }
        if (!SynapseSigning.computedBodyHash(messages).equals(bodyHash)) {
            return internalServerError();
        }
        return new Result(200, null, messages.isEmpty() ? "" : messages.getLast());
    }

    /** The SDK logs the cause under a fresh id and tells the caller nothing more. */
    private static Result internalServerError() {
        return Result.refuse(500, "{\"message\": \"Internal Server Error #" + UUID.randomUUID() + "\"}");
    }

    /** The SDK builds the synapse from headers first: it needs every required field's input object. */
    private static boolean headersParse(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (headers.getFirst("bt_header_input_obj_messages") == null || headers.getFirst("bt_header_input_obj_roles") == null
                || headers.getFirst("bt_header_input_obj_task_name") == null) {
            return false;
        }
        try {
            Long.parseLong(Optional.ofNullable(headers.getFirst("bt_header_dendrite_version")).orElse("0"));
            Optional.ofNullable(headers.getFirst("bt_header_dendrite_nonce")).ifPresent(Long::parseLong);
            Double.parseDouble(Optional.ofNullable(headers.getFirst("timeout")).orElse("12.0"));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> messages(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            JsonNode messages = JSON.readTree(body).get("messages");
            if (messages == null || !messages.isArray()) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            messages.forEach(message -> texts.add(message.asText()));
            return texts;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
