package org.sn1gateway.domain.model;

/** The tokens an answer took, as the server that gave it counted them (OpenAI-compatible upstreams do). */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
