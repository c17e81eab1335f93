package org.sn1gateway.domain.cleaning;

import java.util.HashSet;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * A model stuck in a loop repeats the same few words over and over. Judged on whole answers of some length
 * by the share of distinct word trigrams: ordinary prose repeats few of them, a loop almost all.
 */
public final class RepetitionRule implements CleaningRule {
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MIN_WORDS = 30;
    static final double MIN_DISTINCT_SHARE = 0.35;

    @Override
    public String name() {
        return "repetition";
    }

    @Override
    public Verdict judge(Answer answer) {
        if (!answer.complete()) {
            return Verdict.USABLE;
        }
        String[] words = NOT_WORDS.split(answer.text().toLowerCase(Locale.ROOT));
        int trigrams = words.length - 2;
        if (words.length < MIN_WORDS) {
            return Verdict.USABLE;
        }
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < trigrams; i++) {
            distinct.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
        }
        double share = (double) distinct.size() / trigrams;
        return share >= MIN_DISTINCT_SHARE ? Verdict.USABLE : Verdict.filtered(name(), String.format(Locale.ROOT,
                "the answer repeats itself (%.0f%% of its word triples are distinct)", share * 100));
    }
}
