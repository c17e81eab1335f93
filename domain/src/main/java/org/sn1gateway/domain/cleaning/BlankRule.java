package org.sn1gateway.domain.cleaning;

/** An answer of nothing but whitespace is empty. */
public final class BlankRule implements CleaningRule {
    @Override
    public String name() {
        return "empty";
    }

    @Override
    public Verdict judge(Answer answer) {
        String text = answer.text();
        boolean complete = answer.complete();
        if (!text.isBlank()) {
            return Verdict.USABLE;
        }
        return complete ? Verdict.empty(name(), "the answer is empty or whitespace") : Verdict.UNDECIDED;
    }
}
