package org.sn1gateway.domain.cleaning;

import java.util.Objects;

/**
 * What a cleaning rule judges.
 *
 * @param text     the answer, or its opening when not {@code complete}
 * @param complete whether the miner has finished; an opening may be judged {@link Verdict#UNDECIDED}
 * @param prompt   the last user message, which an answer must not merely repeat
 */
public record Answer(String text, boolean complete, String prompt) {
    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(prompt, "prompt");
    }
}
