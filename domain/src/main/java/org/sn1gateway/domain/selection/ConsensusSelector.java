package org.sn1gateway.domain.selection;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.sn1gateway.domain.port.ResponseSelector;

/**
 * Waits for every miner, then delivers the medoid: the complete answer most similar to all the others
 * under token-set (Jaccard) similarity. Ties go to the faster miner, so the choice is deterministic.
 */
public final class ConsensusSelector implements ResponseSelector {
    /** Answers at least this similar to the chosen one count as supporting it. */
    static final double AGREEMENT = 0.5;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public String rule() {
        return "consensus";
    }

    @Override
    public Optional<Selection> select(List<CandidateAnswer> candidates, boolean finished) {
        if (!finished) {
            return Optional.empty();
        }
        List<CandidateAnswer> complete = candidates.stream().filter(CandidateAnswer::complete).toList();
        List<Set<String>> tokens = complete.stream().map(answer -> tokens(answer.text())).toList();
        int best = -1;
        double bestScore = -1;
        for (int i = 0; i < complete.size(); i++) {
            double score = 0;
            for (int j = 0; j < complete.size(); j++) {
                score += i == j ? 0 : similarity(tokens.get(i), tokens.get(j));
            }
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new Selection(complete.get(best).uid(), rule(), OptionalInt.of(support(tokens, best))));
    }

    private static int support(List<Set<String>> tokens, int chosen) {
        int agreeing = 0;
        for (int j = 0; j < tokens.size(); j++) {
            if (j != chosen && similarity(tokens.get(chosen), tokens.get(j)) >= AGREEMENT) {
                agreeing++;
            }
        }
        return agreeing;
    }

    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / (a.size() + b.size() - shared.size());
    }
}
