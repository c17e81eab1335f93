package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One {@code chat.completion.chunk} of a streamed OpenAI answer. */
public record ChatCompletionChunk(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("created") long created,
        @JsonProperty("model") String model,
        @JsonProperty("choices") List<Choice> choices,
        @JsonProperty("usage") @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {

    public record Choice(
            @JsonProperty("index") int index,
            @JsonProperty("delta") Delta delta,
            @JsonProperty("logprobs") @JsonInclude(JsonInclude.Include.ALWAYS) Object logprobs,
            @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(@JsonProperty("role") String role, @JsonProperty("content") String content) {
    }

    public static ChatCompletionChunk of(String id, long created, String model, Delta delta, String finishReason) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                List.of(new Choice(0, delta, null, finishReason)), null);
    }

    /** The last chunk of a stream that asked for usage: no choices, only the token counts. */
    public static ChatCompletionChunk usage(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage);
    }
}
