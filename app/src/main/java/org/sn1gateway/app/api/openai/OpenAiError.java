package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
public record OpenAiError(@JsonProperty("error") Detail error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(@JsonProperty("message") String message, @JsonProperty("type") String type,
                         @JsonProperty("param") String param, @JsonProperty("code") String code) {
    }

    /** An error for this HTTP status: client errors are invalid requests, the rest server errors. */
    public static OpenAiError of(int status, String message, String code) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
        return new OpenAiError(new Detail(message, type, null, code));
    }
}
