package org.sn1gateway.domain.cleaning;

/** An answer without a single letter or digit (only punctuation, symbols, emoji) says nothing. */
public final class NoWordCharactersRule implements CleaningRule {
    @Override
    public String name() {
        return "no_word_characters";
    }

    @Override
    public Verdict judge(Answer answer) {
        String text = answer.text();
        boolean complete = answer.complete();
        if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
            return Verdict.USABLE;
        }
        return complete ? Verdict.filtered(name(), "the answer has no letters or digits") : Verdict.UNDECIDED;
    }
}
