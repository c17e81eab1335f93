package org.sn1gateway.domain.cleaning;

import java.util.Locale;
import java.util.regex.Pattern;

/** An answer that only repeats the question back says nothing: the prompt, give or take punctuation and case. */
public final class PromptEchoRule implements CleaningRule {
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public Verdict judge(Answer answer) {
        String prompt = normalise(answer.prompt());
        if (prompt.isEmpty()) {
            return Verdict.USABLE;
        }
        String text = normalise(answer.text());
        if (text.equals(prompt) && answer.complete()) {
            return Verdict.filtered(name(), "the answer repeats the prompt");
        }
        if (!answer.complete() && prompt.startsWith(text)) {
            return Verdict.UNDECIDED;
        }
        return Verdict.USABLE;
    }

    private static String normalise(String text) {
        return NOT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
