package org.sn1gateway.domain.cleaning;

import java.util.List;

/**
 * An answer that opens with a refusal or a non-answer. Only the opening counts, so an answer that mentions
 * being sorry later on is not touched; an opening that could still become a refusal ("I'm so") stays
 * undecided until it diverges from every phrase. The phrases are the ones LLM miners actually produce.
 */
public final class RefusalRule implements CleaningRule {
    static final List<String> PHRASES = List.of(
            "i'm sorry, but",
            "i am sorry, but",
            "i'm sorry, i can",
            "i am sorry, i can",
            "i'm sorry, i don't",
            "i'm sorry, i do not",
            "sorry, but i can",
            "sorry, i can't",
            "sorry, i cannot",
            "i apologize, but",
            "i apologise, but",
            "i cannot help",
            "i can't help",
            "i cannot assist",
            "i can't assist",
            "i cannot provide",
            "i can't provide",
            "i cannot answer",
            "i can't answer",
            "i'm not able to",
            "i am not able to",
            "i am unable to",
            "i'm unable to",
            "i don't know",
            "i do not know",
            "i'm not sure i can",
            "as an ai language model",
            "as an ai, i",
            "i'm just an ai",
            "unfortunately, i cannot",
            "unfortunately, i can't");
    private static final int LONGEST_PHRASE = PHRASES.stream().mapToInt(String::length).max().orElse(0);

    @Override
    public String name() {
        return "refusal";
    }

    @Override
    public Verdict judge(Answer answer) {
        String opening = normalise(answer.text());
        for (String phrase : PHRASES) {
            if (opening.startsWith(phrase)) {
                return Verdict.filtered(name(), "the answer opens with \"" + phrase + "\"");
            }
        }
        if (!answer.complete() && PHRASES.stream().anyMatch(phrase -> phrase.startsWith(opening))) {
            return Verdict.UNDECIDED;
        }
        return Verdict.USABLE;
    }

    /**
     * The opening in lower case, without leading quotes, emphasis and list marks, with whitespace runs
     * as one space and none at the end: only as much of it as the longest phrase needs, so a long answer
     * costs no more than a short one.
     */
    private static String normalise(String text) {
        int start = 0;
        while (start < text.length() && isLeadingMark(text.charAt(start))) {
            start++;
        }
        StringBuilder opening = new StringBuilder(LONGEST_PHRASE + 1);
        boolean pendingSpace = false;
        for (int i = start; i < text.length() && opening.length() <= LONGEST_PHRASE; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                opening.append(' ');
                pendingSpace = false;
            }
            opening.append(c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c));
        }
        return opening.toString();
    }

    private static boolean isLeadingMark(char c) {
        return Character.isWhitespace(c) || "\"'*_>#-\u2018\u2019".indexOf(c) >= 0;
    }
}
