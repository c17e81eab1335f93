package org.sn1gateway.domain.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.Preference;

class SelectorsTest {
    private static CandidateAnswer done(int uid, String text) {
        return new CandidateAnswer(uid, text, true);
    }

    private static CandidateAnswer streaming(int uid, String text) {
        return new CandidateAnswer(uid, text, false);
    }

    @Test
    void firstDeliversTheEarliestUsableAnswerWithoutWaiting() {
        var first = Selectors.forPreference(Preference.FIRST);

        assertThat(first.select(List.of(streaming(7, "Par"), done(3, "Paris is the capital.")), false))
                .contains(Selection.of(7, "first"));
        assertThat(first.select(List.of(), false)).isEmpty();
        assertThat(first.select(List.of(), true)).isEmpty();
    }

    @Test
    void longestWaitsForEveryMinerThenTakesTheLongestCompleteAnswer() {
        var longest = Selectors.forPreference(Preference.LONGEST);
        var answers = List.of(done(1, "short"), done(2, "the longest answer"), done(3, "medium one"));

        assertThat(longest.select(answers, false)).isEmpty();
        assertThat(longest.select(answers, true)).contains(Selection.of(2, "longest"));
    }

    @Test
    void shortestTakesTheShortestCompleteAnswer() {
        var shortest = Selectors.forPreference(Preference.SHORTEST);

        assertThat(shortest.select(List.of(done(1, "a longer one"), done(2, "tiny"), done(3, "mid size")), true))
                .contains(Selection.of(2, "shortest"));
    }

    @Test
    void lengthTiesGoToTheAnswerThatBecameUsableFirst() {
        var answers = List.of(done(5, "same"), done(2, "four"), done(9, "size"));

        assertThat(Selectors.forPreference(Preference.LONGEST).select(answers, true)).contains(Selection.of(5, "longest"));
        assertThat(Selectors.forPreference(Preference.SHORTEST).select(answers, true)).contains(Selection.of(5, "shortest"));
    }

    @Test
    void lengthSelectorsIgnoreAnswersThatDidNotFinish() {
        var answers = List.of(streaming(1, "a very long but unfinished answer"), done(2, "done"));

        assertThat(Selectors.forPreference(Preference.LONGEST).select(answers, true)).contains(Selection.of(2, "longest"));
    }

    @Test
    void consensusTakesTheAnswerMostLikeTheOthersAndCountsItsSupport() {
        var answers = List.of(
                done(1, "Paris is the capital of France"),
                done(2, "The capital of France is Paris"),
                done(3, "Bananas are yellow fruit"),
                done(4, "France has Paris as the capital"));

        var choice = Selectors.forPreference(Preference.CONSENSUS).select(answers, true).orElseThrow();

        assertThat(choice.uid()).isIn(1, 2);
        assertThat(choice.rule()).isEqualTo("consensus");
        assertThat(choice.support()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void consensusIsDeterministicAndWaitsForEveryMiner() {
        var answers = List.of(done(4, "alpha beta"), done(8, "alpha beta"));
        var consensus = Selectors.forPreference(Preference.CONSENSUS);

        assertThat(consensus.select(answers, false)).isEmpty();
        assertThat(consensus.select(answers, true).orElseThrow().uid()).isEqualTo(4);
    }
}
