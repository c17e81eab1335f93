package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sn1gateway.domain.port.MinerFailure;

/**
 * Reads the start of a response that is no answer (a non-success status, or a success carrying something
 * other than a stream) to say why: axons answer {@code {"message": ...}}, FastAPI {@code {"detail": ...}},
 * OpenAI-compatible servers {@code {"error": {"message": ...}}}.
 * Reads at most a few KiB.
 */
final class ErrorBodySubscriber implements BodySubscriber<Void> {
    static final int MAX_BYTES = 4096;
    private static final int MAX_REASON = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MinerFailure.Kind kind;
    private final String code;
    private final String what;
    private final String context;
    private final Consumer<MinerFailure> failure;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** A refusal: {@code HTTP 503: reason}, with the code {@code http_503} and the body's reason as detail. */
    ErrorBodySubscriber(int status, Consumer<MinerFailure> failure) {
        this(MinerFailure.Kind.HTTP_STATUS, "http_" + status, "HTTP " + status, null, failure);
    }

    /**
     * Anything else that is no answer, described by {@code what} and followed by the body's reason; the
     * detail is {@code context} (what varies in {@code what}, or null) and the body's reason.
     */
    ErrorBodySubscriber(MinerFailure.Kind kind, String code, String what, String context,
                        Consumer<MinerFailure> failure) {
        this.kind = kind;
        this.code = code;
        this.what = what;
        this.context = context;
        this.failure = failure;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            byte[] piece = new byte[Math.min(buffer.remaining(), MAX_BYTES - body.size())];
            buffer.get(piece);
            body.writeBytes(piece);
        }
        if (body.size() >= MAX_BYTES) {
            subscription.cancel();
            onComplete();
        }
    }

    @Override
    public void onError(Throwable error) {
        onComplete();
    }

    @Override
    public void onComplete() {
        if (done.complete(null)) {
            String reason = reason();
            String detail = Stream.of(context, reason).filter(part -> part != null && !part.isEmpty())
                    .collect(Collectors.joining(": "));
            failure.accept(new MinerFailure(kind, code, detail.isEmpty() ? null : detail,
                    reason.isEmpty() ? what : what + ": " + reason));
        }
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
