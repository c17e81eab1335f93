package org.sn1gateway.domain.port;

import java.util.List;
import java.util.Optional;
import org.sn1gateway.domain.selection.CandidateAnswer;
import org.sn1gateway.domain.selection.Selection;

/**
 * Decides which miner's answer reaches the client, as answers arrive. Implementations are pure and
 * stateless; the chat service calls them one at a time for a query.
 */
public interface ResponseSelector {
    /** The rule's name, reported to clients as the reason the answer was chosen. */
    String rule();

    /**
     * @param candidates usable answers so far, in the order they became usable: answers still
     *                   streaming whose opening passed cleaning, and complete answers that passed
     * @param finished   true once no miner is still answering (all ended or the deadline passed)
     * @return the answer to deliver, or empty to wait for more (when {@code finished}, empty means none)
     */
    Optional<Selection> select(List<CandidateAnswer> candidates, boolean finished);
}
