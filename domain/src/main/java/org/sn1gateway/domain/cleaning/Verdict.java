package org.sn1gateway.domain.cleaning;

import java.util.Objects;
import org.sn1gateway.domain.model.Reason;

/**
 * A cleaning rule's judgement of an answer, or of the opening of one.
 *
 * @param reason why it was rejected (the rule's name as code, and the detail); null unless rejected
 */
public record Verdict(Decision decision, Reason reason) {
    public enum Decision {
        USABLE,
        /** Not enough text yet to judge an opening. */
        UNDECIDED,
        /** Nothing but whitespace. */
        EMPTY,
        /** Text, but not a useful answer. */
        FILTERED
    }

    public static final Verdict USABLE = new Verdict(Decision.USABLE, null);
    public static final Verdict UNDECIDED = new Verdict(Decision.UNDECIDED, null);

    public Verdict {
        Objects.requireNonNull(decision, "decision");
    }

    public static Verdict empty(String rule, String detail) {
        return new Verdict(Decision.EMPTY, Reason.of(rule, detail));
    }

    public static Verdict filtered(String rule, String detail) {
        return new Verdict(Decision.FILTERED, Reason.of(rule, detail));
    }

    public boolean isUsable() {
        return decision == Decision.USABLE;
    }

    public boolean isRejected() {
        return decision == Decision.EMPTY || decision == Decision.FILTERED;
    }
}
