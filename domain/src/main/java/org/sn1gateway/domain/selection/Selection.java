package org.sn1gateway.domain.selection;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A selector's choice.
 *
 * @param rule    the rule that chose it
 * @param support how many other answers agree with it, for rules that measure agreement
 */
public record Selection(int uid, String rule, OptionalInt support) {
    public Selection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(support, "support");
    }

    public static Selection of(int uid, String rule) {
        return new Selection(uid, rule, OptionalInt.empty());
    }
}
