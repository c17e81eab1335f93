package org.sn1gateway.domain.cleaning;

import java.util.List;

/** Applies the cleaning rules in order: the first rejection wins, then the first undecided. */
public final class AnswerCleaner {
    private final List<CleaningRule> rules;

    public AnswerCleaner(List<CleaningRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules every query applies. */
    public static AnswerCleaner standard() {
        return new AnswerCleaner(List.of(new BlankRule(), new NoWordCharactersRule(), new ReplacementCharacterRule(),
                new RefusalRule(), new PromptEchoRule(), new RepetitionRule()));
    }

    /** Judges the opening of an answer still streaming. */
    public Verdict judgeOpening(String text, String prompt) {
        return judge(new Answer(text, false, prompt));
    }

    /** Judges a complete answer. */
    public Verdict judgeAnswer(String text, String prompt) {
        return judge(new Answer(text, true, prompt));
    }

    private Verdict judge(Answer answer) {
        Verdict result = Verdict.USABLE;
        for (CleaningRule rule : rules) {
            Verdict verdict = rule.judge(answer);
            if (verdict.isRejected()) {
                return verdict;
            }
            if (verdict.decision() == Verdict.Decision.UNDECIDED) {
                result = verdict;
            }
        }
        return result;
    }
}
