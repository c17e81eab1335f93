package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sn1gateway.app.api.ChatUsageView;

/** A whole OpenAI {@code chat.completion}, for requests that do not stream. */
public record ChatCompletion(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("created") long created,
        @JsonProperty("model") String model,
        @JsonProperty("choices") List<Choice> choices,
        @JsonProperty("usage") ChatUsageView usage) {

    public record Choice(
            @JsonProperty("index") int index,
            @JsonProperty("message") AssistantMessage message,
            @JsonProperty("logprobs") @JsonInclude(JsonInclude.Include.ALWAYS) Object logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }

    public record AssistantMessage(@JsonProperty("role") String role, @JsonProperty("content") String content) {
    }

    public static ChatCompletion of(String id, long created, String model, String content, ChatUsageView usage) {
        return new ChatCompletion(id, "chat.completion", created, model,
                List.of(new Choice(0, new AssistantMessage("assistant", content), null, "stop")), usage);
    }
}
