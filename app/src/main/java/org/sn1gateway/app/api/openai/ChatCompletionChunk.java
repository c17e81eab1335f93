package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sn1gateway.app.api.ChatUsageView;
import org.sn1gateway.app.api.MinerTraceView;

/**
 * One {@code chat.completion.chunk} of a streamed OpenAI answer. A traced miner step travels in the
 * {@code sn1_miner} extension of a chunk whose one choice has an empty delta: OpenAI clients read every
 * chunk's {@code choices[0].delta}, so a chunk without a choice breaks their usual loops.
 */
public record ChatCompletionChunk(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("created") long created,
        @JsonProperty("model") String model,
        @JsonProperty("choices") List<Choice> choices,
        @JsonProperty("usage") @JsonInclude(JsonInclude.Include.NON_NULL) ChatUsageView usage,
        @JsonProperty("sn1_miner") @JsonInclude(JsonInclude.Include.NON_NULL) MinerTraceView sn1Miner) {

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
                List.of(new Choice(0, delta, null, finishReason)), null, null);
    }

    /** A traced miner step (api.md "Tracing"), with nothing for the answer's text. */
    public static ChatCompletionChunk trace(String id, long created, String model, MinerTraceView step) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                List.of(new Choice(0, new Delta(null, null), null, null)), null, step);
    }

    /** The last chunk of a stream that asked for usage: no choices, only the token counts. */
    public static ChatCompletionChunk usage(String id, long created, String model, ChatUsageView usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage, null);
    }
}
