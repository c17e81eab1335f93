package org.sn1gateway.domain.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sn1gateway.domain.port.ResponseSelector;

/** Waits for every miner, then delivers the longest or the shortest complete answer; ties go to the faster. */
public final class LengthSelector implements ResponseSelector {
    private final boolean longest;

    private LengthSelector(boolean longest) {
        this.longest = longest;
    }

    public static LengthSelector longest() {
        return new LengthSelector(true);
    }

    public static LengthSelector shortest() {
        return new LengthSelector(false);
    }

    @Override
    public String rule() {
        return longest ? "longest" : "shortest";
    }

    @Override
    public Optional<Selection> select(List<CandidateAnswer> candidates, boolean finished) {
        if (!finished) {
            return Optional.empty();
        }
        Comparator<CandidateAnswer> byLength = Comparator.comparingInt(answer -> answer.text().length());
        var complete = candidates.stream().filter(CandidateAnswer::complete);
        // max() and min() keep the first of equal elements, and candidates come fastest first.
        Optional<CandidateAnswer> chosen = longest ? complete.max(byLength) : complete.min(byLength);
        return chosen.map(answer -> Selection.of(answer.uid(), rule()));
    }
}
