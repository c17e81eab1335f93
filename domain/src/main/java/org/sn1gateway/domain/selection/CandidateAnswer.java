package org.sn1gateway.domain.selection;

import java.util.Objects;

/**
 * A usable answer offered to a selector.
 *
 * @param text     the answer so far
 * @param complete whether the miner has finished it
 */
public record CandidateAnswer(int uid, String text, boolean complete) {
    public CandidateAnswer {
        Objects.requireNonNull(text, "text");
    }
}
