package org.sn1gateway.domain.model;

/**
 * The tokens one chat cost its client: the prompt, and the part of the answer that was delivered.
 *
 * @param estimated true when the gateway counted some of them itself; false when the source that answered
 *                  reported both counts (an OpenAI-compatible upstream's {@code usage})
 */
public record ChatUsage(long promptTokens, long completionTokens, boolean estimated) {
    /** A chat that cost nothing: it failed before any text reached its client. */
    public static final ChatUsage NONE = new ChatUsage(0, 0, false);

    public ChatUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
