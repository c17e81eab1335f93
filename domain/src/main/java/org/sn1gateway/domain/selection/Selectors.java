package org.sn1gateway.domain.selection;

import org.sn1gateway.domain.model.Preference;
import org.sn1gateway.domain.port.ResponseSelector;

/** The selector for each preference a client can state. */
public final class Selectors {
    private static final ResponseSelector FIRST = new FirstSelector();
    private static final ResponseSelector LONGEST = LengthSelector.longest();
    private static final ResponseSelector SHORTEST = LengthSelector.shortest();
    private static final ResponseSelector CONSENSUS = new ConsensusSelector();

    private Selectors() {
    }

    public static ResponseSelector forPreference(Preference preference) {
        return switch (preference) {
            case FIRST -> FIRST;
            case LONGEST -> LONGEST;
            case SHORTEST -> SHORTEST;
            case CONSENSUS -> CONSENSUS;
        };
    }
}
