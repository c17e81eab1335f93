package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * Reads the start of a response that is no answer (a non-success status, or a success carrying something
 * other than a stream) to say why: axons answer {@code {"message": ...}}, FastAPI {@code {"detail": ...}},
 * OpenAI-compatible servers {@code {"error": {"message": ...}}}.
 * Keeps at most a few KiB.
 */
final class ErrorReason {
    static final int MAX_BYTES = 4096;
    private static final int MAX_REASON = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MinerFailure.Kind kind;
    private final String code;
    private final String what;
    private final String context;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A refusal: {@code HTTP 503: reason}, with the code {@code http_503} and the body's reason as detail. */
    ErrorReason(int status) {
        this(MinerFailure.Kind.HTTP_STATUS, "http_" + status, "HTTP " + status, null);
    }

    /**
     * Anything else that is no answer, described by {@code what} and followed by the body's reason; the
     * detail is {@code context} (what varies in {@code what}, or null) and the body's reason.
     */
    ErrorReason(MinerFailure.Kind kind, String code, String what, String context) {
        this.kind = kind;
        this.code = code;
        this.what = what;
        this.context = context;
    }

    /** Keeps what fits of {@code content}; true once {@link #MAX_BYTES} are in, when the rest need not be read. */
    boolean add(ByteBuffer content) {
        byte[] piece = new byte[Math.min(content.remaining(), MAX_BYTES - body.size())];
        content.get(piece);
        body.writeBytes(piece);
        return body.size() >= MAX_BYTES;
    }

    /** The failure, with the reason read so far. */
    MinerFailure failure() {
        String reason = reason();
        String detail = Stream.of(context, reason).filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining(": "));
        return new MinerFailure(kind, code, detail.isEmpty() ? null : detail,
                reason.isEmpty() ? what : what + ": " + reason);
    }

    private String reason() {
        String text = body.toString(StandardCharsets.UTF_8).strip();
        try {
            JsonNode json = JSON.readTree(text);
            JsonNode message = json.has("message") ? json.get("message") : json.get("detail");
            if (message == null && json.path("error").has("message")) {
                // OpenAI-compatible servers: {"error": {"message": ..., "type": ...}}.
                message = json.get("error").get("message");
            }
            if (message != null) {
                text = message.isTextual() ? message.asText() : message.toString();
            }
        } catch (Exception notJson) {
            // Plain text (or nothing) is the reason as it stands.
        }
        text = text.replaceAll("\\p{Cntrl}", " ");
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON) + "…";
        }
        return text;
    }
}
