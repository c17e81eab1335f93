package org.sn1gateway.domain.selection;

import java.util.List;
import java.util.Optional;
import org.sn1gateway.domain.port.ResponseSelector;

/** Delivers the first miner whose opening is usable, while it is still streaming. */
public final class FirstSelector implements ResponseSelector {
    @Override
    public String rule() {
        return "first";
    }

    @Override
    public Optional<Selection> select(List<CandidateAnswer> candidates, boolean finished) {
        return candidates.stream().findFirst().map(first -> Selection.of(first.uid(), rule()));
    }
}
