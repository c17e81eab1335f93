package org.sn1gateway.domain.cleaning;

/**
 * Bytes that were not valid UTF-8 reach the gateway as U+FFFD replacement characters (the dendrites
 * decode leniently, so that the rest of the answer survives for the log); such an answer is garbled.
 */
public final class ReplacementCharacterRule implements CleaningRule {
    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public String name() {
        return "invalid_utf8";
    }

    @Override
    public Verdict judge(Answer answer) {
        int at = answer.text().indexOf(REPLACEMENT);
        return at < 0 ? Verdict.USABLE
                : Verdict.filtered(name(), "invalid UTF-8 or a replacement character at position " + at);
    }
}
