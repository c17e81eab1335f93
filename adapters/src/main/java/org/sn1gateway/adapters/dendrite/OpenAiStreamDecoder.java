package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.sn1gateway.domain.model.TokenUsage;

/**
 * Reads an OpenAI chat-completion stream as the OpenAI client does (bittensor.md §2.5): lines end in CR,
 * LF or CRLF; {@code field: value} with one optional space; comments start with {@code :}; an event's
 * {@code data} lines join with LF; {@code [DONE]} ends it; a payload with an {@code error} key is an error.
 * Text is {@code choices[0].delta.content}; of the rest, only the {@code model} and {@code usage} are read,
 * for the report.
 */
final class OpenAiStreamDecoder implements AnswerDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINE = 1 << 20;

    private final Utf8StreamDecoder utf8 = new Utf8StreamDecoder();
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean afterCarriageReturn;
    private boolean done;
    private final CompletionReport report;

    OpenAiStreamDecoder() {
        this(CompletionReport.NONE);
    }

    OpenAiStreamDecoder(CompletionReport report) {
        this.report = report;
    }

    @Override
    public String decode(ByteBuffer bytes) {
        return feed(utf8.decode(bytes));
    }

    @Override
    public String finish() {
        String text = feed(utf8.finish());
        return line.isEmpty() ? text + dispatch() : text + endOfLine() + dispatch();
    }

    private String feed(String text) {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < text.length() && !done; i++) {
            char c = text.charAt(i);
            boolean newline = c == '\r' || c == '\n';
            if (!(c == '\n' && afterCarriageReturn)) {
                if (newline) {
                    answer.append(endOfLine());
                } else if (line.length() < MAX_LINE) {
                    line.append(c);
                } else {
                    throw new MalformedAnswerException("line_too_long", "a stream line is longer than the limit",
                            MAX_LINE + " characters");
                }
            }
            afterCarriageReturn = c == '\r';
        }
        return answer.toString();
    }

    private String endOfLine() {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            return dispatch();
        }
        if (text.startsWith(":")) {
            return "";
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (field.equals("data")) {
            data.append(hasData ? "\n" : "").append(value.startsWith(" ") ? value.substring(1) : value);
            hasData = true;
        }
        return "";
    }

    private String dispatch() {
        if (!hasData) {
            return "";
        }
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        if (payload.startsWith("[DONE]")) {
            done = true;
            return "";
        }
        return content(payload);
    }

    private String content(String payload) {
        JsonNode chunk = parse(payload, "a stream event is not JSON");
        reported(chunk, report);
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        return content.isTextual() ? content.asText() : "";
    }

    /** A JSON payload, refused as malformed when it is not JSON or carries an {@code error} object. */
    static JsonNode parse(String payload, String notJson) {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("not_json", notJson, abbreviate(payload));
        }
        if (json == null) {
            throw new MalformedAnswerException("not_json", notJson, "nothing");
        }
        if (json.has("error")) {
            JsonNode error = json.get("error");
            JsonNode message = error.has("message") ? error.get("message") : error;
            throw new MalformedAnswerException("miner_error", "the miner reported an error",
                    abbreviate(message.isTextual() ? message.asText() : message.toString()));
        }
        return json;
    }

    /** Hands a chunk's or completion's {@code model} and {@code usage} to the report. */
    static void reported(JsonNode json, CompletionReport report) {
        JsonNode model = json.path("model");
        if (model.isTextual() && !model.asText().isBlank()) {
            report.model(model.asText());
        }
        JsonNode usage = json.get("usage");
        if (usage != null && usage.isObject()) {
            long prompt = Math.max(0, usage.path("prompt_tokens").asLong());
            long completion = Math.max(0, usage.path("completion_tokens").asLong());
            long total = usage.has("total_tokens") ? Math.max(0, usage.path("total_tokens").asLong())
                    : prompt + completion;
            report.usage(new TokenUsage(prompt, completion, total));
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
