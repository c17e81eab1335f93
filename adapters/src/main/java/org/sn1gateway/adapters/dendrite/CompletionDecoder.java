package org.sn1gateway.adapters.dendrite;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;

/**
 * Reads a whole {@code chat.completion} (the {@code application/json} answer of servers that cannot
 * stream): nothing until the body ends, then {@code choices[0].message.content} as one piece. The caller's
 * size cap bounds what is held.
 */
final class CompletionDecoder implements AnswerDecoder {
    private final Utf8StreamDecoder utf8 = new Utf8StreamDecoder();
    private final StringBuilder body = new StringBuilder();
    private final CompletionReport report;

    CompletionDecoder(CompletionReport report) {
        this.report = report;
    }

    @Override
    public String decode(ByteBuffer bytes) {
        body.append(utf8.decode(bytes));
        return "";
    }

    @Override
    public String finish() {
        body.append(utf8.finish());
        JsonNode completion = OpenAiStreamDecoder.parse(body.toString(), "the answer is not JSON");
        OpenAiStreamDecoder.reported(completion, report);
        JsonNode content = completion.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new MalformedAnswerException("not_a_completion", "the answer is no chat completion",
                    OpenAiStreamDecoder.abbreviate(body.toString()));
        }
        return content.asText();
    }
}
