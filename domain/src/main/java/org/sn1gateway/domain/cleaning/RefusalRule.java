package org.sn1gateway.domain.cleaning;

import java.util.List;
import java.util.Locale;

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

    @Override
    public String name() {
        return "refusal";
    }

    @Override
    public Verdict judge(Answer answer) {
        String opening = normalise(answer.text());
        for (String phrase : PHRASES) {
            if (opening.startsWith(phrase)) {
                return Verdict.filtered(name() + ": the answer opens with \"" + phrase + "\"");
            }
        }
        if (!answer.complete() && PHRASES.stream().anyMatch(phrase -> phrase.startsWith(opening))) {
            return Verdict.UNDECIDED;
        }
        return Verdict.USABLE;
    }

    private static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        return lower.replaceAll("^[\\s\"'*_>#-]+", "").replaceAll("\\s+", " ");
    }
}
