package org.sn1gateway.domain.service;

import java.util.List;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.Message;
import org.sn1gateway.domain.model.TokenUsage;
import org.sn1gateway.domain.port.TokenCounter;

/**
 * What a chat costs its client. The source's own counts are taken where it reported them (an OpenAI-compatible
 * upstream's {@code usage}, which arrives only with a whole answer); otherwise the gateway counts: the prompt by
 * OpenAI's chat format (each message costs {@value #PER_MESSAGE} tokens besides its role and content, and the
 * reply's priming {@value #PRIMING}), the completion as the text that was delivered, however the chat ended.
 */
final class TokenAccounting {
    static final int PER_MESSAGE = 3;
    static final int PRIMING = 3;

    private final TokenCounter counter;

    TokenAccounting(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * @param charged   whether the chat costs anything: some text reached the client, or the client left (a
     *                  chat the gateway failed before any text is free)
     * @param whole     whether the whole answer was delivered, so that a reported completion count is the
     *                  delivered one
     * @param reported  the counts the delivering source reported, or null
     */
    ChatUsage of(List<Message> prompt, String delivered, boolean charged, boolean whole, TokenUsage reported) {
        if (!charged) {
            return ChatUsage.NONE;
        }
        boolean exactCompletion = reported != null && whole;
        long promptTokens = reported != null ? reported.promptTokens() : promptTokens(prompt);
        long completionTokens = exactCompletion ? reported.completionTokens() : counter.count(delivered);
        return new ChatUsage(promptTokens, completionTokens, !exactCompletion);
    }

    long promptTokens(List<Message> prompt) {
        long tokens = PRIMING;
        for (Message message : prompt) {
            tokens += PER_MESSAGE + counter.count(message.role().wireName()) + counter.count(message.content());
        }
        return tokens;
    }
}
