package org.sn1gateway.domain.port;

/**
 * Counts text in a model's tokens, for the chats whose source reports no count of its own (miners never do).
 * Pure computation: no I/O, safe from any thread, never throws for any text (special-token markers in the
 * text are counted as ordinary text).
 */
@FunctionalInterface
public interface TokenCounter {
    /** Counts nothing: for wirings that do not account tokens (tests of other behaviour). */
    TokenCounter NONE = text -> 0;

    long count(String text);
}
