package org.sn1gateway.app.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sn1gateway.domain.model.Message;

/**
 * Token counts, estimated: miners do not report them, so a token is taken as four characters, the usual
 * rule of thumb for English text with OpenAI's tokenisers.
 */
public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                    @JsonProperty("completion_tokens") int completionTokens,
                    @JsonProperty("total_tokens") int totalTokens) {

    public static Usage estimate(List<Message> prompt, String completion) {
        int promptTokens = prompt.stream().mapToInt(message -> tokens(message.content())).sum();
        int completionTokens = tokens(completion);
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
    }

    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }
}
